package bank.complaints.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** R-S2: personal data sealed with a key id, opened by any configured key, found by keyed hash. */
class PersonalDataKeysTest {

  private static final String K1 = key(1);
  private static final String K2 = key(2);
  private static final String LOOKUP = key(9);

  private static String key(int fill) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) fill);
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void sealsWithTheActiveKeyIdAndOpensAgain() {
    PersonalDataKeys keys = new PersonalDataKeys("k1:" + K1, "k1", LOOKUP);
    String sealed = keys.seal("13812345678");
    assertTrue(sealed.startsWith("enc:v1:k1:"), sealed);
    assertFalse(sealed.contains("13812345678"));
    assertNotEquals(sealed, keys.seal("13812345678"), "a fresh nonce each time");
    assertEquals("13812345678", keys.open(sealed));
  }

  @Test
  void aRotatedKeyStillOpensWhatTheOldOneSealed() {
    String old = new PersonalDataKeys("k1:" + K1, "k1", LOOKUP).seal("11010519491231002X");
    PersonalDataKeys rotated = new PersonalDataKeys("k2:" + K2 + ",k1:" + K1, "k2", LOOKUP);
    assertEquals("11010519491231002X", rotated.open(old));
    assertTrue(rotated.seal("x").startsWith("enc:v1:k2:"));
    // Once the old key is retired, its values cannot be opened, and the error says which key.
    PersonalDataKeys retired = new PersonalDataKeys("k2:" + K2, "k2", LOOKUP);
    assertTrue(
        assertThrows(IllegalStateException.class, () -> retired.open(old))
            .getMessage()
            .contains("k1"));
  }

  /** The sealed value with one character of its ciphertext changed. */
  private static String altered(String sealed) {
    char last = sealed.charAt(sealed.length() - 3);
    return sealed.substring(0, sealed.length() - 3)
        + (last == 'A' ? 'B' : 'A')
        + sealed.substring(sealed.length() - 2);
  }

  @Test
  void anAlteredValueFailsAuthentication() {
    PersonalDataKeys keys = new PersonalDataKeys("k1:" + K1, "k1", LOOKUP);
    String sealed = keys.seal("6222020200112233446");
    String altered = altered(sealed);
    assertThrows(IllegalStateException.class, () -> keys.open(altered));
    // The key id is authenticated too: relabelling the value under another key fails.
    PersonalDataKeys two = new PersonalDataKeys("k1:" + K1 + ",k2:" + K1, "k1", LOOKUP);
    assertThrows(IllegalStateException.class, () -> two.open(sealed.replace(":k1:", ":k2:")));
  }

  /**
   * R-S2 with one cipher and one keyed hash per thread: a thread that just failed to open an
   * altered value, or sealed under another instance's keys, seals and opens the next value
   * correctly, and threads working at once do not mix their values.
   */
  @Test
  void eachThreadsCipherAndHashServeEveryValueAfterAFailureAndBesideOtherThreads()
      throws Exception {
    PersonalDataKeys keys = new PersonalDataKeys("k1:" + K1, "k1", LOOKUP);
    PersonalDataKeys others = new PersonalDataKeys("k2:" + K2, "k2", key(8));
    String sealed = keys.seal("6222020200112233445");
    String altered = altered(sealed);
    assertThrows(IllegalStateException.class, () -> keys.open(altered));
    assertEquals("6222020200112233445", keys.open(sealed));
    assertEquals("13800000000", others.open(others.seal("13800000000")));
    assertEquals("13900000000", keys.open(keys.seal("13900000000")));
    assertNotEquals(keys.lookupHash("13800000000"), others.lookupHash("13800000000"));
    assertEquals(
        new PersonalDataKeys("k1:" + K1, "k1", LOOKUP).lookupHash("13800000000"),
        keys.lookupHash("13800000000"));

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    String value = "1380000" + thread + String.format("%04d", i);
                    String hash = keys.lookupHash(value);
                    if (!keys.open(keys.seal(value)).equals(value)
                        || !hash.equals(keys.lookupHash(value))) {
                      return "thread " + thread + " value " + value;
                    }
                  }
                  return "ok";
                }));
      }
      for (Future<String> result : results) {
        assertEquals("ok", result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void lookupHashesAreKeyedAndStable() {
    PersonalDataKeys keys = new PersonalDataKeys("k1:" + K1, "k1", LOOKUP);
    assertEquals(keys.lookupHash("13812345678"), keys.lookupHash("13812345678"));
    assertNotEquals(keys.lookupHash("13812345678"), keys.lookupHash("13812345679"));
    assertNotEquals(
        keys.lookupHash("13812345678"),
        new PersonalDataKeys("k1:" + K1, "k1", K2).lookupHash("13812345678"),
        "another lookup key, another hash");
  }

  @Test
  void refusesKeysThatAreNotConfiguredProperly() {
    assertThrows(IllegalStateException.class, () -> new PersonalDataKeys("k1:" + K1, "k9", LOOKUP));
    assertThrows(
        IllegalStateException.class, () -> new PersonalDataKeys("k1:c2hvcnQ=", "k1", LOOKUP));
    assertThrows(IllegalStateException.class, () -> new PersonalDataKeys("nonsense", "k1", LOOKUP));
  }

  @Test
  void valuesStoredBeforeEncryptionAreReadAsTheyAre() {
    assertEquals("13812345678", new PersonalDataKeys("k1:" + K1, "k1", LOOKUP).open("13812345678"));
  }

  @Test
  void filesAreSealedWithTheKeyIdAndAnAlteredByteIsRefused() {
    PersonalDataKeys keys = new PersonalDataKeys("k2:" + K2 + ",k1:" + K1, "k1", LOOKUP);
    byte[] screenshot = "PNG… 卡号 6222020200112233446".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = keys.sealBytes(screenshot);
    assertTrue(PersonalDataKeys.isSealed(sealed));
    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("6222020200112233446"));
    assertArrayEquals(screenshot, keys.openBytes(sealed));
    // Opened after rotation by the key it names.
    assertArrayEquals(
        screenshot, new PersonalDataKeys("k2:" + K2 + ",k1:" + K1, "k2", LOOKUP).openBytes(sealed));
    byte[] altered = sealed.clone();
    altered[altered.length - 20] ^= 1;
    assertThrows(IllegalStateException.class, () -> keys.openBytes(altered));
    byte[] truncated = java.util.Arrays.copyOf(sealed, 12);
    assertThrows(IllegalStateException.class, () -> keys.openBytes(truncated));
    // A file stored before encryption comes back as it is.
    assertArrayEquals(screenshot, keys.openBytes(screenshot));
  }
}

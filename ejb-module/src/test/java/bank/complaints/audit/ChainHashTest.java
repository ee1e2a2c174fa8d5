package bank.complaints.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChainHashTest {

  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private static ChainHash chainHash() {
    ChainHash hash = new ChainHash();
    hash.chainKey = Base64.getEncoder().encodeToString(KEY);
    hash.init();
    return hash;
  }

  private static String hmac(String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName(
      "R-S3: the MAC kept per thread gives each text its own HMAC-SHA-256, call after call and on"
          + " another thread")
  void reusedMacIsTheHmacOfEachText() throws Exception {
    ChainHash hash = chainHash();
    String first = hash.checkpointOf(1, "aa", "2026-12-05T00:00:00Z");
    assertEquals(hmac("checkpoint\u001e1\u001eaa\u001e2026-12-05T00:00:00Z"), first);
    assertEquals(first, hash.checkpointOf(1, "aa", "2026-12-05T00:00:00Z")); // nothing left over
    assertNotEquals(first, hash.checkpointOf(2, "aa", "2026-12-05T00:00:00Z"));
    assertEquals(
        first,
        CompletableFuture.supplyAsync(() -> hash.checkpointOf(1, "aa", "2026-12-05T00:00:00Z"))
            .get());
  }

  @Test
  @DisplayName("R-S3: an entry's seal is checked against the entry; an edited entry fails")
  void sealOfAnEntry() {
    ChainHash hash = chainHash();
    AuditEntry entry =
        new AuditEntry(Instant.EPOCH, "channel:mobile", "actor", "REGISTERED", "C1", "ok", "r-1");
    entry.seal(hash.sealOf(entry));
    assertTrue(hash.sealed(entry));
    AuditEntry edited =
        new AuditEntry(Instant.EPOCH, "channel:mobile", "actor", "REGISTERED", "C1", "ko", "r-1");
    edited.seal(entry.seal());
    assertFalse(hash.sealed(edited));
  }
}

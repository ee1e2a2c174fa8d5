package bank.complaints.privacy;

import bank.complaints.platform.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * R-S2: the keys that protect personal data at rest, from configuration (never from code).
 *
 * <ul>
 *   <li>{@code complaints.privacy.data-keys}: {@code id:base64,id:base64,…} AES-256 keys. Values
 *       are sealed with AES-GCM under {@code complaints.privacy.active-key} and carry that key's
 *       id, so a key can be rotated: add the new key, make it active, keep the old one until no
 *       value sealed with it remains.
 *   <li>{@code complaints.privacy.lookup-key}: the HMAC-SHA-256 key of the keyed hashes that
 *       equality lookups (the same customer across complaints) use instead of the plaintext.
 * </ul>
 *
 * A sealed value reads {@code enc:v1:<key id>:<base64 of nonce, ciphertext and tag>}; a sealed
 * file, {@link #sealBytes}.
 */
public final class PersonalDataKeys {

  static final String PREFIX = "enc:v1:";

  /** How a sealed file's bytes begin (a NUL, then "ENC1": no common file format starts so). */
  static final byte[] SEALED_BYTES = {0, 'E', 'N', 'C', '1'};

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One cipher per thread, initialised afresh (key and nonce) for each value. Issue 18: {@code
   * Cipher.getInstance} searched the security providers for every value sealed, about 2 % of the
   * server's CPU under registrations.
   */
  private static final ThreadLocal<Cipher> CIPHERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("no AES/GCM on this JVM", e);
            }
          });

  private static volatile PersonalDataKeys current;

  private final Map<String, SecretKeySpec> keys;
  private final String activeKey;
  private final HmacSha256 lookupHashes;

  public PersonalDataKeys(String dataKeys, String activeKey, String lookupKey) {
    this.keys = new LinkedHashMap<>();
    for (String entry : dataKeys.split(",")) {
      String[] parts = entry.strip().split(":", 2);
      if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_.-]{1,32}")) {
        throw new IllegalStateException(
            "complaints.privacy.data-keys must read id:base64-key[,id:base64-key…]");
      }
      keys.put(parts[0], new SecretKeySpec(key(parts[1], "a data key"), "AES"));
    }
    if (!keys.containsKey(activeKey)) {
      throw new IllegalStateException(
          "complaints.privacy.active-key names no key of complaints.privacy.data-keys");
    }
    this.activeKey = activeKey;
    this.lookupHashes = new HmacSha256(key(lookupKey, "the lookup key"));
  }

  private static byte[] key(String base64, String what) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(what + " is not base64");
    }
    if (key.length != 32) {
      throw new IllegalStateException(what + " must be 32 bytes (256 bits)");
    }
    return key;
  }

  /** The keys of this server's configuration, read once. */
  public static PersonalDataKeys current() {
    PersonalDataKeys keys = current;
    if (keys == null) {
      synchronized (PersonalDataKeys.class) {
        if (current == null) {
          Config config = ConfigProvider.getConfig(PersonalDataKeys.class.getClassLoader());
          current =
              new PersonalDataKeys(
                  config.getValue("complaints.privacy.data-keys", String.class),
                  config.getValue("complaints.privacy.active-key", String.class),
                  config.getValue("complaints.privacy.lookup-key", String.class));
        }
        keys = current;
      }
    }
    return keys;
  }

  /** Encrypts under the active key; the key id travels with the value. */
  public String seal(String plaintext) {
    if (plaintext == null) {
      return null;
    }
    return PREFIX
        + activeKey
        + ":"
        + Base64.getEncoder()
            .encodeToString(encrypt(activeKey, plaintext.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Decrypts a sealed value with the key it names. A value without the prefix was stored before
   * encryption at rest existed and is returned as it is.
   */
  public String open(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored;
    }
    String rest = stored.substring(PREFIX.length());
    int colon = rest.indexOf(':');
    String keyId = colon < 0 ? "" : rest.substring(0, colon);
    byte[] in;
    try {
      in = Base64.getDecoder().decode(rest.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("sealed personal data failed authentication", e);
    }
    return new String(decrypt(keyId, in, 0), StandardCharsets.UTF_8);
  }

  /**
   * Encrypts a file's bytes under the active key: {@link #SEALED_BYTES}, the key id's length in one
   * byte, the key id, then nonce, ciphertext and tag.
   */
  public byte[] sealBytes(byte[] plaintext) {
    byte[] id = activeKey.getBytes(StandardCharsets.US_ASCII);
    byte[] sealed = encrypt(activeKey, plaintext);
    byte[] out = new byte[SEALED_BYTES.length + 1 + id.length + sealed.length];
    System.arraycopy(SEALED_BYTES, 0, out, 0, SEALED_BYTES.length);
    out[SEALED_BYTES.length] = (byte) id.length;
    System.arraycopy(id, 0, out, SEALED_BYTES.length + 1, id.length);
    System.arraycopy(sealed, 0, out, SEALED_BYTES.length + 1 + id.length, sealed.length);
    return out;
  }

  /** True when the bytes were written by {@link #sealBytes}. */
  public static boolean isSealed(byte[] stored) {
    return stored != null
        && stored.length > SEALED_BYTES.length
        && Arrays.equals(stored, 0, SEALED_BYTES.length, SEALED_BYTES, 0, SEALED_BYTES.length);
  }

  /**
   * Decrypts what {@link #sealBytes} wrote; bytes stored before files were encrypted come back as
   * they are.
   */
  public byte[] openBytes(byte[] stored) {
    if (!isSealed(stored)) {
      return stored;
    }
    int idLength = stored[SEALED_BYTES.length] & 0xff;
    int start = SEALED_BYTES.length + 1 + idLength;
    if (start > stored.length) {
      throw new IllegalStateException("sealed file failed authentication");
    }
    String keyId = new String(stored, SEALED_BYTES.length + 1, idLength, StandardCharsets.US_ASCII);
    return decrypt(keyId, stored, start);
  }

  private byte[] encrypt(String keyId, byte[] plaintext) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext);
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal personal data", e);
    }
  }

  /** Nonce, ciphertext and tag from {@code offset} on, authenticated with the key id. */
  private byte[] decrypt(String keyId, byte[] in, int offset) {
    SecretKeySpec key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException(
          "personal data sealed with key '" + keyId + "', which is not configured");
    }
    if (in.length - offset < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("sealed personal data failed authentication");
    }
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, offset, NONCE_BYTES));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(in, offset + NONCE_BYTES, in.length - offset - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealed personal data failed authentication", e);
    }
  }

  /** The keyed hash equality lookups use: equal values, equal hashes; no way back. */
  public String lookupHash(String value) {
    if (value == null) {
      return null;
    }
    return lookupHashes.hex(value);
  }
}

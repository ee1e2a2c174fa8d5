package bank.complaints.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
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
 * A sealed value reads {@code enc:v1:<key id>:<base64 of nonce, ciphertext and tag>}.
 */
public final class PersonalDataKeys {

  static final String PREFIX = "enc:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile PersonalDataKeys current;

  private final Map<String, SecretKeySpec> keys;
  private final String activeKey;
  private final SecretKeySpec lookupKey;

  PersonalDataKeys(String dataKeys, String activeKey, String lookupKey) {
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
    this.lookupKey = new SecretKeySpec(key(lookupKey, "the lookup key"), "HmacSHA256");
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
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(activeKey.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return PREFIX + activeKey + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal personal data", e);
    }
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
    SecretKeySpec key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException(
          "personal data sealed with key '" + keyId + "', which is not configured");
    }
    try {
      byte[] in = Base64.getDecoder().decode(rest.substring(colon + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      return new String(
          cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("sealed personal data failed authentication", e);
    }
  }

  /** The keyed hash equality lookups use: equal values, equal hashes; no way back. */
  public String lookupHash(String value) {
    if (value == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(lookupKey);
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot hash personal data", e);
    }
  }
}

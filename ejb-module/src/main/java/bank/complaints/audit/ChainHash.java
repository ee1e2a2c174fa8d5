package bank.complaints.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chain's hash, an entry's seal and a checkpoint's MAC: HMAC-SHA-256 under {@code
 * complaints.audit.chain-key}, a key the database does not hold, so someone who can write to the
 * database can neither recompute the chain after an edit nor write an entry that passes as the
 * application's.
 */
@ApplicationScoped
public class ChainHash {

  @Inject
  @ConfigProperty(name = "complaints.audit.chain-key")
  String chainKey;

  private SecretKeySpec key;

  /**
   * One keyed MAC per thread (issue 18): {@code Mac.getInstance} searched the security providers
   * and {@code init} expanded the key for each of a registration's seals and links, 1.2 % of the
   * server's samples at saturation. {@code doFinal} leaves it ready for the next text.
   */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  @PostConstruct
  void init() {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(chainKey.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("complaints.audit.chain-key is not base64");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException("complaints.audit.chain-key must be 32 bytes (256 bits)");
    }
    key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  String of(long seq, AuditEntry entry, String prevHash) {
    return mac(seq + "\u001e" + prevHash + "\u001e" + entry.canonical());
  }

  /** The seal an entry gets at insert: only the application, which holds the key, can make it. */
  String sealOf(AuditEntry entry) {
    return mac("seal\u001e" + entry.canonical());
  }

  boolean sealed(AuditEntry entry) {
    return entry.seal() != null && entry.seal().equals(sealOf(entry));
  }

  /** A checkpoint of the chain's head, kept outside the database. */
  String checkpointOf(long seq, String hash, String at) {
    return mac("checkpoint\u001e" + seq + "\u001e" + hash + "\u001e" + at);
  }

  private String mac(String text) {
    return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot compute an audit MAC", e);
    }
  }
}

package bank.complaints.audit;

import bank.complaints.platform.HmacSha256;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
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

  private HmacSha256 hmac;

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
    hmac = new HmacSha256(bytes);
  }

  String of(long seq, AuditEntry entry, String prevHash) {
    return hmac.hex(seq + "\u001e" + prevHash + "\u001e" + entry.canonical());
  }

  /** The seal an entry gets at insert: only the application, which holds the key, can make it. */
  String sealOf(AuditEntry entry) {
    return hmac.hex("seal\u001e" + entry.canonical());
  }

  boolean sealed(AuditEntry entry) {
    return entry.seal() != null && entry.seal().equals(sealOf(entry));
  }

  /** A checkpoint of the chain's head, kept outside the database. */
  String checkpointOf(long seq, String hash, String at) {
    return hmac.hex("checkpoint\u001e" + seq + "\u001e" + hash + "\u001e" + at);
  }
}

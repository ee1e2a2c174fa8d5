package bank.complaints.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry's place in the chain: its sequence number, the previous hash and its own. */
@Entity
@Table(name = "audit_link")
class AuditLink {

  @Id
  @Column(name = "seq")
  private Long seq;

  @Column(name = "entry_id", nullable = false, updatable = false)
  private long entryId;

  @Column(name = "prev_hash", nullable = false, updatable = false)
  private String prevHash;

  @Column(name = "hash", nullable = false, updatable = false)
  private String hash;

  protected AuditLink() {}

  AuditLink(long seq, long entryId, String prevHash, String hash) {
    this.seq = seq;
    this.entryId = entryId;
    this.prevHash = prevHash;
    this.hash = hash;
  }

  long seq() {
    return seq;
  }

  long entryId() {
    return entryId;
  }

  String prevHash() {
    return prevHash;
  }

  String hash() {
    return hash;
  }
}

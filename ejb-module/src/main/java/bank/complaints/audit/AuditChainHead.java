package bank.complaints.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the chain; its row lock keeps linkers on several servers apart. */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

  static final String GENESIS = "0".repeat(64);

  @Id
  @Column(name = "id")
  private Integer id;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "last_hash", nullable = false)
  private String lastHash;

  /** Entries linked from this sequence number on carry the application's seal. */
  @Column(name = "sealed_from", nullable = false, updatable = false)
  private long sealedFrom;

  protected AuditChainHead() {}

  long lastSeq() {
    return lastSeq;
  }

  String lastHash() {
    return lastHash;
  }

  long sealedFrom() {
    return sealedFrom;
  }

  void advance(long seq, String hash) {
    this.lastSeq = seq;
    this.lastHash = hash;
  }
}

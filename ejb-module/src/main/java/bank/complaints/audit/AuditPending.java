package bank.complaints.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** An entry the linker has not chained yet. */
@Entity
@Table(name = "audit_pending")
class AuditPending {

  @Id
  @Column(name = "entry_id")
  private Long entryId;

  /** When the linker refused to chain the entry: it carries no seal that holds. */
  @Column(name = "refused_at")
  private OffsetDateTime refusedAt;

  protected AuditPending() {}

  AuditPending(long entryId) {
    this.entryId = entryId;
  }

  long entryId() {
    return entryId;
  }

  void refuse(Instant at) {
    this.refusedAt = at.atOffset(ZoneOffset.UTC);
  }
}

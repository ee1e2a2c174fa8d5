package bank.complaints.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry the linker has not chained yet. */
@Entity
@Table(name = "audit_pending")
class AuditPending {

  @Id
  @Column(name = "entry_id")
  private Long entryId;

  protected AuditPending() {}

  AuditPending(long entryId) {
    this.entryId = entryId;
  }

  long entryId() {
    return entryId;
  }
}

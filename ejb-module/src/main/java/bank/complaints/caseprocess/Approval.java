package bank.complaints.caseprocess;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** R-F4: one decision in a resolution's approval chain: who, in which role, when and why. */
@Embeddable
public class Approval {

  /** Approve, or send back to the investigation. */
  public enum Decision {
    APPROVED,
    REJECTED
  }

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false)
  private ApproverRole role;

  @Column(name = "approver_name", nullable = false)
  private String approverName;

  @Column(name = "approver_employee_id", nullable = false)
  private String approverEmployeeId;

  @Column(name = "approver_unit")
  private String approverUnit;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision", nullable = false)
  private Decision decision;

  @Column(name = "reason", nullable = false)
  private String reason;

  @Column(name = "decided_at", nullable = false)
  private OffsetDateTime decidedAt;

  protected Approval() {}

  Approval(ApproverRole role, Approver approver, Decision decision, String reason, Instant at) {
    this.role = role;
    this.approverName = approver.name();
    this.approverEmployeeId = approver.employeeId();
    this.approverUnit = approver.unit();
    this.decision = decision;
    this.reason = reason;
    this.decidedAt = at.atOffset(ZoneOffset.UTC);
  }

  public ApproverRole role() {
    return role;
  }

  public Approver approver() {
    return new Approver(approverName, approverEmployeeId, approverUnit);
  }

  public Decision decision() {
    return decision;
  }

  public String reason() {
    return reason;
  }

  public Instant decidedAt() {
    return decidedAt.toInstant();
  }
}

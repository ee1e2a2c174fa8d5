package bank.complaints.caseprocess;

import bank.complaints.common.Money;
import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.ComplaintId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * R-F3: a proposed resolution of a case, and R-F4 its approval chain, fixed by its amount when it
 * is proposed. Each approver decides in turn; a rejection sends the case back to investigation. A
 * case reopened later gets a new proposal; the old ones stay in its file.
 */
@Entity
@Table(name = "resolution")
public class Resolution {

  /** Where the proposal stands. */
  public enum Status {
    PENDING,
    APPROVED,
    REJECTED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resolution_seq")
  @SequenceGenerator(name = "resolution_seq", sequenceName = "resolution_seq", allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "complaint_id", nullable = false, updatable = false)
  private long complaintId;

  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false, updatable = false)
  private ResolutionType type;

  /** CNY; null when no money is involved. */
  @Column(name = "amount", updatable = false)
  private BigDecimal amount;

  @Column(name = "conclusion", nullable = false, updatable = false)
  private String conclusion;

  /** R-P3, R-F5: the rule or policy the result rests on. */
  @Column(name = "rule_relied_on", nullable = false, updatable = false)
  private String ruleReliedOn;

  @Column(name = "how_carried_out", nullable = false, updatable = false)
  private String howCarriedOut;

  @Column(name = "proposed_by", nullable = false, updatable = false)
  private String proposedBy;

  /** R-F4 maker–checker: the proposer's employee id, whom no approver may be. */
  @Column(name = "proposed_by_employee_id", updatable = false)
  private String proposedByEmployeeId;

  @Column(name = "proposed_at", nullable = false, updatable = false)
  private OffsetDateTime proposedAt;

  @Column(name = "required_roles", nullable = false, updatable = false)
  private String requiredRoles;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status;

  @ElementCollection
  @CollectionTable(name = "approval", joinColumns = @JoinColumn(name = "resolution_id"))
  @OrderColumn(name = "position")
  private List<Approval> approvals = new ArrayList<>();

  @Version
  @Column(name = "version")
  private long version;

  protected Resolution() {}

  public static Resolution propose(
      ComplaintId complaintId,
      ResolutionType type,
      Money amount,
      String conclusion,
      String ruleReliedOn,
      String howCarriedOut,
      Approver proposer,
      Instant now,
      List<ApproverRole> chain) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a resolution needs at least one approver");
    }
    Resolution resolution = new Resolution();
    resolution.complaintId = complaintId.value();
    resolution.type = type;
    resolution.amount = amount == null ? null : amount.amount();
    resolution.conclusion = conclusion;
    resolution.ruleReliedOn = ruleReliedOn;
    resolution.howCarriedOut = howCarriedOut;
    resolution.proposedBy = proposer.signature();
    resolution.proposedByEmployeeId = proposer.employeeId();
    resolution.proposedAt = now.atOffset(ZoneOffset.UTC);
    resolution.requiredRoles = String.join(",", chain.stream().map(Enum::name).toList());
    resolution.status = Status.PENDING;
    return resolution;
  }

  /** The role whose decision is awaited, if the proposal is still pending. */
  public Optional<ApproverRole> awaiting() {
    if (status != Status.PENDING) {
      return Optional.empty();
    }
    return Optional.of(requiredRoles().get(approvals.size()));
  }

  /**
   * R-F4: records one decision. Only the awaited role decides, one person takes one place in the
   * chain (risk and legal are two people, and neither is the executive), and the proposer takes
   * none (maker–checker).
   */
  public void decide(
      ApproverRole role, Approver approver, boolean approve, String reason, Instant now) {
    ApproverRole awaited =
        awaiting()
            .orElseThrow(
                () -> new RuleViolationException("The resolution is already " + status + "."));
    if (role != awaited) {
      throw new RuleViolationException(
          "The resolution awaits the "
              + awaited
              + " (chain "
              + requiredRoles()
              + "), not the "
              + role
              + ".");
    }
    if (approver.employeeId().equals(proposedByEmployeeId)) {
      throw new RuleViolationException(
          approver.employeeId()
              + " proposed this resolution and may not approve it (maker–checker); the next is"
              + " someone else.");
    }
    if (approvals.stream().anyMatch(a -> a.approver().employeeId().equals(approver.employeeId()))) {
      throw new RuleViolationException(
          approver.employeeId() + " already decided on this resolution; the next is someone else.");
    }
    approvals.add(
        new Approval(
            role,
            approver,
            approve ? Approval.Decision.APPROVED : Approval.Decision.REJECTED,
            reason,
            now));
    if (!approve) {
      status = Status.REJECTED;
    } else if (approvals.size() == requiredRoles().size()) {
      status = Status.APPROVED;
    }
  }

  public List<ApproverRole> requiredRoles() {
    return Arrays.stream(requiredRoles.split(",")).map(ApproverRole::valueOf).toList();
  }

  public Long id() {
    return id;
  }

  public long complaintId() {
    return complaintId;
  }

  public ResolutionType type() {
    return type;
  }

  public Optional<Money> amount() {
    return Optional.ofNullable(amount).map(Money::new);
  }

  public String conclusion() {
    return conclusion;
  }

  public String ruleReliedOn() {
    return ruleReliedOn;
  }

  public String howCarriedOut() {
    return howCarriedOut;
  }

  public String proposedBy() {
    return proposedBy;
  }

  public Instant proposedAt() {
    return proposedAt.toInstant();
  }

  public Status status() {
    return status;
  }

  public List<Approval> approvals() {
    return List.copyOf(approvals);
  }
}

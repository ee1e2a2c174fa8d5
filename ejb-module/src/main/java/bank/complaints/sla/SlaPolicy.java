package bank.complaints.sla;

import bank.complaints.grading.Severity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deadline rule of one stage for one severity, as data (R-P1): how the clock counts, its
 * allowance, when to warn the owner (a share of the allowance), how far an approved extension may
 * go, and the escalation ladder after a breach.
 */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_policy_seq")
  @SequenceGenerator(name = "sla_policy_seq", sequenceName = "sla_policy_seq", allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "stage", nullable = false)
  private SlaStage stage;

  @Enumerated(EnumType.STRING)
  @Column(name = "severity", nullable = false)
  private Severity severity;

  @Enumerated(EnumType.STRING)
  @Column(name = "measure", nullable = false)
  private Measure measure;

  @Column(name = "allowance", nullable = false)
  private String allowance;

  /** The share of the allowance after which the owner is warned, e.g. 0.75. */
  @Column(name = "warn_share", nullable = false)
  private BigDecimal warnShare;

  /** Absent when the stage cannot be extended. */
  @Column(name = "max_extension")
  private String maxExtension;

  /** R-F2: the allowance of a complex case, where it differs (first findings: 4 days, not 2). */
  @Column(name = "complex_allowance")
  private String complexAllowance;

  /**
   * The allowance parsed once (issue 18): every clock a registration starts asked for it, and
   * parsing the text each time was 0.5 % of the server's samples at saturation. A policy's columns
   * never change once it is loaded.
   */
  @Transient private Allowance parsedAllowance;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "sla_escalation_step", joinColumns = @JoinColumn(name = "policy_id"))
  @OrderColumn(name = "step_level")
  private List<EscalationStep> ladder = new ArrayList<>();

  protected SlaPolicy() {}

  public SlaPolicy(
      SlaStage stage,
      Severity severity,
      Measure measure,
      Allowance allowance,
      BigDecimal warnShare,
      Allowance maxExtension,
      List<EscalationStep> ladder) {
    this(stage, severity, measure, allowance, null, warnShare, maxExtension, ladder);
  }

  public SlaPolicy(
      SlaStage stage,
      Severity severity,
      Measure measure,
      Allowance allowance,
      Allowance complexAllowance,
      BigDecimal warnShare,
      Allowance maxExtension,
      List<EscalationStep> ladder) {
    this.complexAllowance = complexAllowance == null ? null : complexAllowance.toString();
    this.stage = Objects.requireNonNull(stage, "stage");
    this.severity = Objects.requireNonNull(severity, "severity");
    this.measure = Objects.requireNonNull(measure, "measure");
    this.allowance = allowance.toString();
    if (warnShare.signum() <= 0 || warnShare.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("the warning share lies between 0 and 1: " + warnShare);
    }
    this.warnShare = warnShare;
    this.maxExtension = maxExtension == null ? null : maxExtension.toString();
    if (ladder.isEmpty()) {
      throw new IllegalArgumentException("a ladder has at least one rung");
    }
    this.ladder = new ArrayList<>(ladder);
  }

  public SlaStage stage() {
    return stage;
  }

  public Severity severity() {
    return severity;
  }

  public Measure measure() {
    return measure;
  }

  public Allowance allowance() {
    Allowance parsed = parsedAllowance;
    if (parsed == null) {
      parsed = Allowance.parse(allowance);
      parsedAllowance = parsed; // a record: another thread sees it whole, or parses again
    }
    return parsed;
  }

  /** R-F2: a complex case's allowance, where the policy gives it one of its own. */
  public Optional<Allowance> complexAllowance() {
    return Optional.ofNullable(complexAllowance).map(Allowance::parse);
  }

  /** The allowance of a case that is, or is not, complex. */
  public Allowance allowance(boolean complex) {
    return complex ? complexAllowance().orElse(allowance()) : allowance();
  }

  public BigDecimal warnShare() {
    return warnShare;
  }

  /** How far the deadline may move by approved extensions, in total; empty if it cannot. */
  public Optional<Allowance> maxExtension() {
    return Optional.ofNullable(maxExtension).map(Allowance::parse);
  }

  public List<EscalationStep> ladder() {
    return List.copyOf(ladder);
  }

  /** The part of an allowance after which the owner is warned, to the millisecond. */
  Duration warnAfter(Duration allowance) {
    return Duration.ofMillis(
        BigDecimal.valueOf(allowance.toMillis())
            .multiply(warnShare)
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact());
  }
}

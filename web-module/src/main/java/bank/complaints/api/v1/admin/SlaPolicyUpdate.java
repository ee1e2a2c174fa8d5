package bank.complaints.api.v1.admin;

import bank.complaints.grading.Severity;
import bank.complaints.sla.Allowance;
import bank.complaints.sla.EscalationStep;
import bank.complaints.sla.Measure;
import bank.complaints.sla.Recipient;
import bank.complaints.sla.SlaPolicy;
import bank.complaints.sla.SlaStage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new deadline rule for one stage and severity. Allowances are ISO-8601 days and time in the
 * measure: on WORKING_TIME, P1D is one working day. A trial uses second-scale values (PT20S).
 */
@Schema(name = "SlaPolicyUpdate")
public class SlaPolicyUpdate {

  static final String ALLOWANCE = "P(\\d{1,3}D)?(T(\\d{1,4}H)?(\\d{1,5}M)?(\\d{1,6}S)?)?";
  static final String ALLOWANCE_MESSAGE =
      "must be an ISO-8601 duration of days and time, e.g. P3D, PT24H or PT20S";

  @NotNull
  @Schema(example = "WORKING_TIME")
  public Measure measure;

  @NotNull
  @Pattern(regexp = ALLOWANCE, message = ALLOWANCE_MESSAGE)
  @Schema(example = "P3D")
  public String allowance;

  @Pattern(regexp = ALLOWANCE, message = ALLOWANCE_MESSAGE)
  @Schema(
      example = "P4D",
      description = "R-F2: a complex case's allowance where it differs; absent: the same")
  public String complexAllowance;

  @NotNull
  @DecimalMin(value = "0", inclusive = false)
  @DecimalMax(value = "1", inclusive = false)
  @Schema(example = "0.75", description = "Share of the allowance after which the owner is warned")
  public BigDecimal warnShare;

  @Pattern(regexp = ALLOWANCE, message = ALLOWANCE_MESSAGE)
  @Schema(example = "P2D", description = "Total approved extension allowed; absent: none")
  public String maxExtension;

  @NotEmpty
  @Size(max = 4)
  public List<@NotNull @Valid Step> ladder;

  /** One rung of the escalation ladder. */
  @Schema(name = "SlaEscalationStepUpdate")
  public static class Step {
    @NotNull
    @Schema(example = "OWNER")
    public Recipient recipient;

    @NotNull
    @Pattern(regexp = ALLOWANCE, message = ALLOWANCE_MESSAGE)
    @Schema(example = "PT0S")
    public String afterBreach;
  }

  /**
   * Throws IllegalArgumentException for a value the patterns let through but the domain refuses.
   */
  SlaPolicy toPolicy(SlaStage stage, Severity severity) {
    return new SlaPolicy(
        stage,
        severity,
        measure,
        Allowance.parse(allowance),
        complexAllowance == null ? null : Allowance.parse(complexAllowance),
        warnShare,
        maxExtension == null ? null : Allowance.parse(maxExtension),
        ladder.stream()
            .map(s -> new EscalationStep(s.recipient, Allowance.parse(s.afterBreach)))
            .toList());
  }
}

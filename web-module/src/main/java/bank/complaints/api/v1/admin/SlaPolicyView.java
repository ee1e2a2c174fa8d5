package bank.complaints.api.v1.admin;

import bank.complaints.sla.SlaPolicy;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The deadline rule of one stage for one severity. */
@Schema(name = "SlaPolicy")
public record SlaPolicyView(
    @Schema(example = "INVESTIGATION") String stage,
    @Schema(example = "GREEN") String severity,
    @Schema(example = "WORKING_TIME") String measure,
    @Schema(example = "P3D") String allowance,
    @Schema(example = "P4D", description = "R-F2: a complex case's allowance, where it differs")
        String complexAllowance,
    @Schema(example = "0.75") BigDecimal warnShare,
    @Schema(example = "P2D") String maxExtension,
    List<Step> ladder) {

  /** One rung of the escalation ladder. */
  @Schema(name = "SlaEscalationStep")
  public record Step(
      @Schema(example = "SUPERVISOR") String recipient,
      @Schema(example = "PT4H") String afterBreach) {}

  static SlaPolicyView of(SlaPolicy policy) {
    return new SlaPolicyView(
        policy.stage().name(),
        policy.severity().name(),
        policy.measure().name(),
        policy.allowance().toString(),
        policy.complexAllowance().map(Object::toString).orElse(null),
        policy.warnShare(),
        policy.maxExtension().map(Object::toString).orElse(null),
        policy.ladder().stream()
            .map(s -> new Step(s.recipient().name(), s.afterBreach().toString()))
            .toList());
  }
}

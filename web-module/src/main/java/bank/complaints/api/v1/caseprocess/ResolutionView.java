package bank.complaints.api.v1.caseprocess;

import bank.complaints.caseprocess.Resolution;
import bank.complaints.common.Money;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** R-F3, R-F4: a proposed resolution and its approval chain. */
@Schema(name = "Resolution")
public record ResolutionView(
    @Schema(example = "FEE_WAIVER_OR_REFUND") String type,
    @Schema(example = "300.00", description = "CNY", multipleOf = 0.01) BigDecimal amount,
    @Schema(example = "CNY") String currency,
    String conclusion,
    String ruleReliedOn,
    String howCarriedOut,
    String proposedBy,
    OffsetDateTime proposedAt,
    @Schema(example = "PENDING") String status,
    @Schema(description = "R-F4: the roles that approve, in order") List<String> approvalChain,
    @Schema(example = "BRANCH_VICE_PRESIDENT") String awaiting,
    List<Decision> decisions) {

  /** One decision in the chain. */
  @Schema(name = "ApprovalRecord")
  public record Decision(
      String role,
      String approver,
      String employeeId,
      @Schema(example = "APPROVED") String decision,
      String reason,
      OffsetDateTime at) {}

  static ResolutionView of(Resolution r, ZoneId zone) {
    return new ResolutionView(
        r.type().name(),
        r.amount().map(Money::amount).orElse(null),
        r.amount().isPresent() ? Money.CURRENCY : null,
        r.conclusion(),
        r.ruleReliedOn(),
        r.howCarriedOut(),
        r.proposedBy(),
        r.proposedAt().atZone(zone).toOffsetDateTime(),
        r.status().name(),
        r.requiredRoles().stream().map(Enum::name).toList(),
        r.awaiting().map(Enum::name).orElse(null),
        r.approvals().stream()
            .map(
                a ->
                    new Decision(
                        a.role().name(),
                        a.approver().name(),
                        a.approver().employeeId(),
                        a.decision().name(),
                        a.reason(),
                        a.decidedAt().atZone(zone).toOffsetDateTime()))
            .toList());
  }
}

package bank.complaints.caseprocess;

import bank.complaints.common.Money;
import java.util.Objects;

/**
 * R-F3, R-F5: what the investigation concludes and proposes: the type, the amount in CNY (none for
 * an apology), the conclusion, the rule it rests on, and how it will be carried out.
 */
public record ResolutionProposal(
    ResolutionType type,
    Money amount,
    String conclusion,
    String ruleReliedOn,
    String howCarriedOut) {

  public ResolutionProposal {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(conclusion, "conclusion");
    Objects.requireNonNull(ruleReliedOn, "ruleReliedOn");
    Objects.requireNonNull(howCarriedOut, "howCarriedOut");
    boolean money =
        type == ResolutionType.FULL_REFUND_OR_COMPENSATION
            || type == ResolutionType.PARTIAL_REFUND_OR_COMPENSATION
            || type == ResolutionType.FEE_WAIVER_OR_REFUND;
    if (money && (amount == null || amount.amount().signum() == 0)) {
      throw new IllegalArgumentException("a " + type + " names the amount");
    }
  }
}

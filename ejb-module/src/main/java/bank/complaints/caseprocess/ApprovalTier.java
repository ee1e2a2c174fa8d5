package bank.complaints.caseprocess;

import bank.complaints.common.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * R-F4: the approval chain a resolution needs by its amount (CNY). Below {@code
 * departmentHeadBelow}: the department head; up to {@code branchVicePresidentUpTo}: the branch
 * vice-president; above it: head-office risk and legal review, then the executive. The thresholds
 * are configuration.
 */
public record ApprovalTier(BigDecimal departmentHeadBelow, BigDecimal branchVicePresidentUpTo) {

  public ApprovalTier {
    Objects.requireNonNull(departmentHeadBelow, "departmentHeadBelow");
    Objects.requireNonNull(branchVicePresidentUpTo, "branchVicePresidentUpTo");
    if (departmentHeadBelow.compareTo(branchVicePresidentUpTo) > 0) {
      throw new IllegalArgumentException("the tiers overlap");
    }
  }

  /** The approvers in the order they decide; no amount (an apology) is the lowest tier. */
  public List<ApproverRole> forAmount(Money amount) {
    BigDecimal value = amount == null ? BigDecimal.ZERO : amount.amount();
    if (value.compareTo(departmentHeadBelow) < 0) {
      return List.of(ApproverRole.DEPARTMENT_HEAD);
    }
    if (value.compareTo(branchVicePresidentUpTo) <= 0) {
      return List.of(ApproverRole.BRANCH_VICE_PRESIDENT);
    }
    return List.of(
        ApproverRole.HEAD_OFFICE_RISK, ApproverRole.HEAD_OFFICE_LEGAL, ApproverRole.EXECUTIVE);
  }
}

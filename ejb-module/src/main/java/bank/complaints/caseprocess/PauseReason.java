package bank.complaints.caseprocess;

/** Why a clock stops counting for a while (R-F2). */
public enum PauseReason {
  AWAITING_CUSTOMER_INFORMATION,
  OUTSIDE_APPRAISAL
}

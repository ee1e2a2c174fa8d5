package bank.complaints.caseprocess;

/** R-F3: how a complaint is resolved. */
public enum ResolutionType {
  /** The bank is at fault. */
  FULL_REFUND_OR_COMPENSATION,
  PARTIAL_REFUND_OR_COMPENSATION,
  /** A wrong or unreasonable fee. */
  FEE_WAIVER_OR_REFUND,
  SERVICE_IMPROVEMENT,
  /** The customer misunderstood; the bank is not at fault. */
  EXPLANATION_AND_APOLOGY
}

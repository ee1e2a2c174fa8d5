package bank.complaints.caseprocess;

/** R-X3: the lawful routes a customer is offered when a complaint is beyond the bank's remit. */
public enum ReferralRoute {
  INDUSTRY_ASSOCIATION,
  MEDIATION,
  ARBITRATION,
  COURT
}

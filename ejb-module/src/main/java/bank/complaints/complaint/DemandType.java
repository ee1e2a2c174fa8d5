package bank.complaints.complaint;

/** R-I4: what the customer asks for. */
public enum DemandType {
  REFUND,
  COMPENSATION,
  APOLOGY,
  SERVICE_IMPROVEMENT,
  OTHER
}

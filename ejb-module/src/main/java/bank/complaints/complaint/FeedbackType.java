package bank.complaints.complaint;

/** R-I2: what the customer brings. Only complaints run the full case process; all are counted. */
public enum FeedbackType {
  COMPLAINT,
  SUGGESTION,
  INQUIRY
}

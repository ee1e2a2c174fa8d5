package bank.complaints.tasks;

/** R-F8: what the customer said on the follow-up call. */
public enum Satisfaction {
  SATISFIED,
  BASICALLY_SATISFIED,
  DISSATISFIED;

  /** A dissatisfied customer's case is reopened and escalated. */
  public boolean closesTheCase() {
    return this != DISSATISFIED;
  }
}

package bank.complaints.tasks;

/** R-F8: what the customer said on the follow-up call. */
public enum Satisfaction {
  SATISFIED,
  BASICALLY_SATISFIED,
  DISSATISFIED;

  /**
   * R-F8: the case closes when the customer is satisfied or basically satisfied and says the
   * problem is really solved; otherwise it is reopened and escalated.
   */
  public boolean closesTheCase(boolean problemSolved) {
    return this != DISSATISFIED && problemSolved;
  }
}

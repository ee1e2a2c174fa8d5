package bank.complaints.statistics;

/** What the statistics are broken down by (R-M1 shares, R-M4 per department and per employee). */
public enum Dimension {
  /** Every complaint of the period: one key. */
  ALL,
  DEPARTMENT,
  /** The handler named on the case. */
  EMPLOYEE,
  CATEGORY,
  CHANNEL,
  SEVERITY,
  /** R-G3: a case with several tags counts under each. */
  CAUSE_TAG,
  /** R-M1: why dissatisfied customers were dissatisfied (the follow-up call's outcome). */
  REASON;

  /** The key of the one {@link #ALL} row, and of a case without department or handler. */
  public static final String NONE = "-";

  /**
   * Whether handling-time percentiles are kept: not per employee (a few cases a day each, so a
   * day's histogram would be as large as the cases; employees get the exact average) and not per
   * reason.
   */
  public boolean hasPercentiles() {
    return this != EMPLOYEE && this != REASON;
  }
}

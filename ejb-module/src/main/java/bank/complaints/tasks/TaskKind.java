package bank.complaints.tasks;

/** What a department is asked to do. */
public enum TaskKind {
  /** Take the case and start the investigation (R-F1). */
  ASSIGNMENT,
  /** Give a cross-department opinion (R-F2). */
  CONSULTATION,
  /** Carry out the accepted resolution (R-F7). */
  EXECUTION,
  /** Call the customer after completion (R-F8). */
  FOLLOW_UP_CALL,
  /** R-X1: a supervisor reviews a repeat complaint. */
  REPEAT_REVIEW,
  /** R-F5: tell the customer the result by letter or by a call (letters, counter complaints). */
  RESULT_NOTICE
}

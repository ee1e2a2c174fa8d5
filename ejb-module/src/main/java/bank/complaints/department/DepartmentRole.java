package bank.complaints.department;

/** A part a department plays in the case process, kept as data ({@code department_role}). */
public enum DepartmentRole {
  /** R-F1: where a complaint no routing rule matches goes. Exactly one department. */
  DEFAULT,
  /** R-F8: makes the follow-up calls. Exactly one department. */
  FOLLOW_UP,
  /** R-F5: tells results by letter, call or visit. Exactly one department. */
  RESULT_NOTICE,
  /** R-X1: reviews repeat complaints. Exactly one department. */
  REPEAT_REVIEW,
  /** R-G1, R-F1: joins the task force of a Red case led by another department. Any number. */
  TASK_FORCE;

  /** Whether exactly one department plays it. */
  public boolean single() {
    return this != TASK_FORCE;
  }
}

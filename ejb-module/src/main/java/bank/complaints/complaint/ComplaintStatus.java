package bank.complaints.complaint;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a complaint stands, and the one table of the moves it may make (R-P4 closed loop). A
 * transition not listed is refused.
 *
 * <pre>
 * REGISTERED → ASSIGNED → INVESTIGATING → RESOLUTION_PROPOSED → RESULT_NOTIFIED → EXECUTING
 *   → FOLLOW_UP → CLOSED → ARCHIVED
 * INVESTIGATING → REFERRED_OUTSIDE → ARCHIVED          (R-X3)
 * RESOLUTION_PROPOSED → INVESTIGATING                   (an approver rejects the proposal)
 * RESULT_NOTIFIED → INVESTIGATING                       (R-F6 the customer objects: reopened, escalated)
 * FOLLOW_UP → INVESTIGATING                             (R-F8 dissatisfied: reopened, escalated)
 * </pre>
 */
public enum ComplaintStatus {
  REGISTERED,
  ASSIGNED,
  INVESTIGATING,
  /** R-F3, R-F4: a resolution is proposed and goes through its approval tier. */
  RESOLUTION_PROPOSED,
  /** R-F5, R-F6: approved and told to the customer, who accepts or objects. */
  RESULT_NOTIFIED,
  /** R-F7: accepted; the department carries it out. */
  EXECUTING,
  /** R-F8: carried out; the customer service centre calls the customer. */
  FOLLOW_UP,
  /** R-P4: concluded, with the customer's reaction recorded. */
  CLOSED,
  /** R-X3: beyond the bank's remit; the customer was offered the lawful alternatives. */
  REFERRED_OUTSIDE,
  /** R-F9: the whole file kept as one record. */
  ARCHIVED;

  static {
    REGISTERED.next = EnumSet.of(ASSIGNED);
    ASSIGNED.next = EnumSet.of(INVESTIGATING);
    INVESTIGATING.next = EnumSet.of(RESOLUTION_PROPOSED, REFERRED_OUTSIDE);
    RESOLUTION_PROPOSED.next = EnumSet.of(RESULT_NOTIFIED, INVESTIGATING);
    RESULT_NOTIFIED.next = EnumSet.of(EXECUTING, INVESTIGATING);
    EXECUTING.next = EnumSet.of(FOLLOW_UP);
    FOLLOW_UP.next = EnumSet.of(CLOSED, INVESTIGATING);
    CLOSED.next = EnumSet.of(ARCHIVED);
    REFERRED_OUTSIDE.next = EnumSet.of(ARCHIVED);
    ARCHIVED.next = EnumSet.noneOf(ComplaintStatus.class);
  }

  private Set<ComplaintStatus> next;

  public boolean canMoveTo(ComplaintStatus target) {
    return next.contains(target);
  }

  /** The moves allowed from here, for a clear refusal. */
  public Set<ComplaintStatus> next() {
    return next.isEmpty() ? Set.of() : EnumSet.copyOf(next);
  }
}

package bank.complaints.intake;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a complaint stands. The whole lifecycle (investigation, approval, the customer's answer,
 * execution, follow-up, archive) extends this table; a transition not listed is refused.
 */
public enum ComplaintStatus {
  REGISTERED,
  ASSIGNED,
  INVESTIGATING;

  static {
    REGISTERED.next = EnumSet.of(ASSIGNED);
    ASSIGNED.next = EnumSet.of(INVESTIGATING);
    INVESTIGATING.next = EnumSet.noneOf(ComplaintStatus.class);
  }

  private Set<ComplaintStatus> next;

  public boolean canMoveTo(ComplaintStatus target) {
    return next.contains(target);
  }
}

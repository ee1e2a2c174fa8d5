package bank.complaints.caseprocess;

import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * R-P2 where someone is about to act on a case (handle, approve, decide): a person who must step
 * aside is refused with a 409, and the refusal is recorded in a transaction of its own, so it stays
 * on record although the refused request changes nothing. Call it before locking the case row.
 */
@ApplicationScoped
public class RecusalGuard {

  @Inject Timeline timeline;

  public void admit(Complaint complaint, Approver person, String as, String recordedBy) {
    Optional<String> stepAside = Recusal.reasonToStepAside(complaint, person);
    if (stepAside.isPresent()) {
      timeline.recordRefusal(
          complaint.id(),
          CaseEventKind.RECUSAL_REFUSED,
          recordedBy,
          "R-P2 refused as " + as + ": " + stepAside.get() + ".");
      throw new RuleViolationException(
          "R-P2: " + stepAside.get() + "; someone else must act as " + as + ".");
    }
  }
}

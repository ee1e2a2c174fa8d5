package bank.complaints.caseprocess;

import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.InvolvedStaff;
import bank.complaints.grading.Severity;
import java.util.Optional;

/**
 * R-P2: nobody named in a complaint may approve or decide it; for a sensitive complaint (Red),
 * nobody from a unit it names either.
 */
public final class Recusal {

  private Recusal() {}

  /** Why this person must step aside, or empty when they may act. */
  public static Optional<String> reasonToStepAside(Complaint complaint, Approver approver) {
    if (complaint.namesEmployee(approver.employeeId())) {
      return Optional.of(
          approver.employeeId() + " is named in complaint " + complaint.number().value());
    }
    if (complaint.severity() == Severity.RED && approver.unit() != null) {
      for (InvolvedStaff named : complaint.staffInvolved()) {
        if (approver.unit().equals(named.unit())) {
          return Optional.of(
              approver.employeeId()
                  + " is from "
                  + approver.unit()
                  + ", the unit complaint "
                  + complaint.number().value()
                  + " is about, and the complaint is sensitive");
        }
      }
    }
    return Optional.empty();
  }
}

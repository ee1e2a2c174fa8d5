package bank.complaints.intake;

import bank.complaints.complaint.Complaint;
import bank.complaints.insight.Memberships.Membership;

/**
 * The outcome of a submission: a new complaint, or the one an earlier try under its key made; each
 * with what insight found about it (R-X1, R-X2), which the answer shows.
 */
public sealed interface Registration {

  Complaint complaint();

  Membership membership();

  /**
   * Registered now: the membership is what the registration itself found, not read back (issue 18:
   * a statement less per registration).
   */
  record Created(Complaint complaint, Membership membership) implements Registration {}

  /** A retry: the complaint the first submission under this key registered. */
  record Replayed(Complaint complaint, Membership membership) implements Registration {}
}

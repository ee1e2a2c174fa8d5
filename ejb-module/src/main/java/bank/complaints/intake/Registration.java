package bank.complaints.intake;

import bank.complaints.complaint.Complaint;

/** The outcome of a submission: a new complaint, or the one an earlier try under its key made. */
public sealed interface Registration {

  Complaint complaint();

  /** Registered now. */
  record Created(Complaint complaint) implements Registration {}

  /** A retry: the complaint the first submission under this key registered. */
  record Replayed(Complaint complaint) implements Registration {}
}

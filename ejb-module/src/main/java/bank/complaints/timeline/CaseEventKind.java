package bank.complaints.timeline;

/** What a timeline entry records. */
public enum CaseEventKind {
  REGISTERED,
  ACCEPTANCE_NOTICE_SENT,
  ASSIGNED,
  CUSTOMER_CONTACTED,
  INVESTIGATION_STARTED,
  CLOCK_PAUSED,
  CLOCK_RESUMED,
  DEADLINE_EXTENDED,
  SLA_WARNING,
  SLA_ESCALATION
}

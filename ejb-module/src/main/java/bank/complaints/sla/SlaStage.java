package bank.complaints.sla;

/** The stages of a case that run under a deadline (R-I7, R-F1…R-F8); each has its own clock. */
public enum SlaStage {
  /** R-I7: registered within 1 working hour of receipt (a letter or counter visit may wait). */
  REGISTRATION,
  /** R-I7: the customer is contacted to confirm receipt (24 h, calendar time). */
  CUSTOMER_CONTACT,
  /** R-F1: the department starts investigating after assignment (24 h). */
  INVESTIGATION_START,
  /** R-F2 / R-G1: first findings reach the customer (2 working days, 4 when complex). */
  FIRST_FINDINGS,
  /** R-F2: the investigation's time limit, extendable with approval. */
  INVESTIGATION,
  /** R-F4: approval within 1 working day. */
  APPROVAL,
  /** R-F6: the customer accepts or objects within 3 working days. */
  CUSTOMER_ANSWER,
  /** R-F7: execution within 3 working days of acceptance. */
  EXECUTION,
  /** R-F8: the follow-up call within 1 week of completion. */
  FOLLOW_UP_CALL,
  /**
   * Beyond-rule (the 2020 measures on consumer complaint handling for banking and insurance
   * institutions): a decision reaches the complainant within 15 calendar days of receipt,
   * extendable to 30 for a complex case and by a further 30 with senior approval.
   */
  REGULATOR_DECISION,
  /** R-I7, R-F2: a complex case's overall clock: a solution within a week of receipt. */
  CASE_RESOLUTION
}

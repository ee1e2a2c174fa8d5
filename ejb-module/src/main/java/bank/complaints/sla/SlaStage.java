package bank.complaints.sla;

/** The stages of a case that run under a deadline (R-I7, R-F1…R-F8); each has its own clock. */
public enum SlaStage {
  /** R-I7: registered within 1 working hour of receipt (a letter or counter visit may wait). */
  REGISTRATION,
  /** R-I7: the customer is contacted to confirm receipt (24 h, calendar time). */
  CUSTOMER_CONTACT,
  /** R-F1: the department starts investigating after assignment (24 h). */
  INVESTIGATION_START,
  /** R-F2 / R-G1: first findings reach the customer (Yellow 2, Green 4 working days). */
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
  FOLLOW_UP_CALL
}

package bank.complaints.sla;

/**
 * The rungs of the escalation ladder (R-P1), lowest first. Each has its own queue on the broker
 * (jms-config broker.xml); the message names the department, so a department's people select their
 * own.
 */
public enum Recipient {
  OWNER("complaints.escalations.owner"),
  SUPERVISOR("complaints.escalations.supervisor"),
  DEPARTMENT_HEAD("complaints.escalations.department-head"),
  HEAD_OFFICE_COMPLAINT_OFFICE("complaints.escalations.head-office");

  private final String queue;

  Recipient(String queue) {
    this.queue = queue;
  }

  public String queue() {
    return queue;
  }
}

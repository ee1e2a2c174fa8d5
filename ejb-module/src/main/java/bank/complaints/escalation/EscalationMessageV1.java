package bank.complaints.escalation;

/**
 * Version 1 of a deadline warning or escalation (documented in docs/asyncapi.yaml), on the queue of
 * its rung of the ladder. No personal data: the recipient opens the case by its number. Times are
 * ISO-8601 instants in UTC.
 */
public record EscalationMessageV1(
    int schemaVersion,
    String alertId,
    String kind,
    int level,
    String recipient,
    String stage,
    String complaintNumber,
    String department,
    String severity,
    String dueAt,
    String scheduledFor,
    String raisedAt) {

  public static final int SCHEMA_VERSION = 1;
  public static final String TYPE = "complaints.escalation";
}

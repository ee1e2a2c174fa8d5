package bank.complaints.tasks;

/**
 * Version 1 of the message on a department's task queue (documented in docs/asyncapi.yaml).
 * Personal data is masked, numbers typed into the subject and the ask too: a department that needs
 * the full record fetches it through the API. Times are ISO-8601 instants in UTC. {@code ask} says
 * what is asked (added in 1.1, optional).
 */
public record TaskMessageV1(
    int schemaVersion,
    String taskId,
    TaskKind kind,
    String complaintNumber,
    String department,
    String channel,
    String subject,
    String customerName,
    String customerMobile,
    String createdAt,
    String dueAt,
    String ask) {

  public static final int SCHEMA_VERSION = 1;
  public static final String TYPE = "complaints.task";
}

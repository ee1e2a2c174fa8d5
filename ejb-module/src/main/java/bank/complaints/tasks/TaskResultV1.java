package bank.complaints.tasks;

/**
 * Version 1 of a department's result on the results queue (documented in docs/asyncapi.yaml): the
 * same as the API's, idempotent by task id.
 *
 * @param satisfaction for a follow-up call: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED
 * @param problemSolved for a follow-up call (1.2): whether the problem is really solved
 */
public record TaskResultV1(
    int schemaVersion,
    String taskId,
    String outcome,
    String satisfaction,
    Boolean problemSolved,
    String by) {

  public static final int SCHEMA_VERSION = 1;
  public static final String TYPE = "complaints.task-result";
  public static final String QUEUE = "complaints.results";
}

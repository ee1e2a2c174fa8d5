package bank.complaints.tasks;

import bank.complaints.complaint.Complaint;
import bank.complaints.department.Department;
import bank.complaints.outbox.OutgoingMessage;
import bank.complaints.privacy.Masking;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** Maps a task to its queue message: the one place that writes {@link TaskMessageV1}. */
public final class TaskMessages {

  private static final Jsonb JSON = JsonbBuilder.create();

  private TaskMessages() {}

  public static TaskMessageV1 toMessage(WorkTask task) {
    Complaint complaint = task.complaint();
    return new TaskMessageV1(
        TaskMessageV1.SCHEMA_VERSION,
        task.id(),
        task.kind(),
        complaint.number().value(),
        task.department().value(),
        complaint.channel().name(),
        Masking.numbersIn(complaint.subject()),
        complaint.customer().name(),
        Masking.mobile(complaint.customer().mobile()),
        task.createdAt().toString(),
        task.dueAt().toString(),
        Masking.numbersIn(task.ask()));
  }

  /** The outgoing message for a task, addressed to its department's queue. */
  public static OutgoingMessage outgoing(WorkTask task, Department department) {
    TaskMessageV1 message = toMessage(task);
    return new OutgoingMessage(
        department.taskQueue(),
        TaskMessageV1.TYPE,
        TaskMessageV1.SCHEMA_VERSION,
        message.complaintNumber(),
        JSON.toJson(message));
  }
}

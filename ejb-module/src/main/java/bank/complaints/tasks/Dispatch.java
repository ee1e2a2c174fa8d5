package bank.complaints.tasks;

import bank.complaints.complaint.CaseOwnership;
import bank.complaints.complaint.Complaint;
import bank.complaints.department.Department;
import bank.complaints.outbox.Outbox;
import bank.complaints.platform.TransactionLocal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/**
 * R-F1: the one way a task goes to a department: the task is stored and its message queued in the
 * outbox in the caller's transaction, so both commit or neither does.
 */
@ApplicationScoped
public class Dispatch {

  @Inject EntityManager em;

  @Inject Outbox outbox;

  @Inject TransactionLocal transaction;

  /**
   * Opens a task for the department and queues its message on the department's queue.
   *
   * @param ask what the department is asked in particular, or null
   */
  public WorkTask open(
      Complaint complaint,
      TaskKind kind,
      Department department,
      Instant now,
      Instant due,
      String ask) {
    transaction.require("Opening a task");
    WorkTask task = WorkTask.open(complaint, kind, department.code(), now, due, ask);
    em.persist(task);
    outbox.enqueue(TaskMessages.outgoing(task, department));
    return task;
  }

  /** R-S1: the complaint's channel and the department a task was sent to. */
  public Optional<CaseOwnership> ownershipOfTask(String taskId) {
    return em.createQuery(
            "select new bank.complaints.complaint.CaseOwnership(t.complaint.channel, t.department)"
                + " from WorkTask t where t.id = :id",
            CaseOwnership.class)
        .setParameter("id", taskId)
        .getResultStream()
        .findFirst();
  }
}

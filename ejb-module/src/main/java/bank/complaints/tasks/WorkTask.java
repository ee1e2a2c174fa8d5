package bank.complaints.tasks;

import bank.complaints.intake.Complaint;
import bank.complaints.routing.DepartmentCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A piece of work a department owes on a case; its id travels with every message about it. */
@Entity
@Table(name = "work_task")
public class WorkTask {

  /** Open until the department reports its result. */
  public enum Status {
    OPEN,
    DONE
  }

  @Id
  @Column(name = "id")
  private String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "complaint_id", nullable = false, updatable = false)
  private Complaint complaint;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false)
  private TaskKind kind;

  @Column(name = "department_code", nullable = false)
  private DepartmentCode department;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "due_at", nullable = false)
  private OffsetDateTime dueAt;

  @Version
  @Column(name = "version")
  private long version;

  protected WorkTask() {}

  public static WorkTask open(
      Complaint complaint, TaskKind kind, DepartmentCode department, Instant now, Instant due) {
    WorkTask task = new WorkTask();
    task.id = UUID.randomUUID().toString();
    task.complaint = complaint;
    task.kind = kind;
    task.department = department;
    task.status = Status.OPEN;
    task.createdAt = now.atOffset(ZoneOffset.UTC);
    task.dueAt = due.atOffset(ZoneOffset.UTC);
    return task;
  }

  public String id() {
    return id;
  }

  public Complaint complaint() {
    return complaint;
  }

  public TaskKind kind() {
    return kind;
  }

  public DepartmentCode department() {
    return department;
  }

  public Status status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant dueAt() {
    return dueAt.toInstant();
  }
}

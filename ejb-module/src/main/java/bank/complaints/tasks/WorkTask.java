package bank.complaints.tasks;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.department.DepartmentCode;
import bank.complaints.platform.TimeOrderedIds;
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
import java.util.Objects;

/** A piece of work a department owes on a case; its id travels with every message about it. */
@Entity
@Table(name = "work_task")
public class WorkTask {

  /** Open until the department reports its result. */
  public enum Status {
    OPEN,
    DONE,
    /** Withdrawn: the case moved to another department. */
    CANCELLED
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

  /** What the department is asked to do. */
  @Column(name = "ask", updatable = false)
  private String ask;

  @Column(name = "outcome")
  private String outcome;

  /** R-F8: the follow-up call's result. */
  @Enumerated(EnumType.STRING)
  @Column(name = "satisfaction")
  private Satisfaction satisfaction;

  /** R-F8: the follow-up call's other question: is the problem really solved? */
  @Column(name = "problem_solved")
  private Boolean problemSolved;

  @Column(name = "completed_by")
  private String completedBy;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Version
  @Column(name = "version")
  private long version;

  protected WorkTask() {}

  /** A task asking the department for something in particular. */
  public static WorkTask open(
      Complaint complaint,
      TaskKind kind,
      DepartmentCode department,
      Instant now,
      Instant due,
      String ask) {
    WorkTask task = new WorkTask();
    task.ask = ask;
    task.id = TimeOrderedIds.next(now);
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

  public String ask() {
    return ask;
  }

  public String outcome() {
    return outcome;
  }

  public Satisfaction satisfaction() {
    return satisfaction;
  }

  /** R-F8: whether the customer says the problem is really solved (follow-up calls only). */
  public Boolean problemSolved() {
    return problemSolved;
  }

  public String completedBy() {
    return completedBy;
  }

  public Instant completedAt() {
    return completedAt == null ? null : completedAt.toInstant();
  }

  /** The case moved elsewhere: an open task is withdrawn (a result for it is then refused). */
  public void cancel(Instant now) {
    if (status == Status.OPEN) {
      status = Status.CANCELLED;
      completedAt = now.atOffset(ZoneOffset.UTC);
    }
  }

  /**
   * The department's result. Idempotent by task id: the same result again changes nothing and
   * returns false; a different result for a task already done is refused.
   *
   * @return true when this call completed the task
   */
  public boolean complete(
      String outcome, Satisfaction satisfaction, Boolean problemSolved, String by, Instant now) {
    if (kind == TaskKind.FOLLOW_UP_CALL && (satisfaction == null || problemSolved == null)) {
      throw new InvalidRequestException(
          "A follow-up call's result says how satisfied the customer is (satisfaction) and whether"
              + " the problem is really solved (problemSolved).");
    }
    if (kind != TaskKind.FOLLOW_UP_CALL && (satisfaction != null || problemSolved != null)) {
      throw new InvalidRequestException(
          "Only a follow-up call's result carries a satisfaction and problemSolved.");
    }
    if (status == Status.CANCELLED) {
      throw new RuleViolationException(
          "Task " + id + " was withdrawn: the case moved to another department.");
    }
    if (status == Status.DONE) {
      if (Objects.equals(this.outcome, outcome)
          && this.satisfaction == satisfaction
          && Objects.equals(this.problemSolved, problemSolved)) {
        return false;
      }
      throw new RuleViolationException(
          "Task " + id + " was already completed with another result at " + completedAt + ".");
    }
    this.status = Status.DONE;
    this.outcome = outcome;
    this.satisfaction = satisfaction;
    this.problemSolved = problemSolved;
    this.completedBy = by;
    this.completedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }
}

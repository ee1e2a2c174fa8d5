package bank.complaints.review;

import bank.complaints.common.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * R-M3: an improvement action on a weakness found in rules, process, training or technology, with
 * an owner and a due date, tracked from open through in progress to done.
 */
@Entity
@Table(name = "improvement_action")
public class ImprovementAction {

  /** Where the weakness lies (R-M3). */
  public enum Area {
    RULES,
    PROCESS,
    TRAINING,
    TECHNOLOGY
  }

  /** Open, being worked, done; done is final. */
  public enum Status {
    OPEN,
    IN_PROGRESS,
    DONE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "improvement_action_seq")
  @SequenceGenerator(
      name = "improvement_action_seq",
      sequenceName = "improvement_action_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "area", nullable = false, updatable = false)
  private Area area;

  @Column(name = "weakness", nullable = false, updatable = false)
  private String weakness;

  @Column(name = "action", nullable = false, updatable = false)
  private String action;

  @Column(name = "owner", nullable = false, updatable = false)
  private String owner;

  @Column(name = "due_on", nullable = false, updatable = false)
  private LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "done_at")
  private OffsetDateTime doneAt;

  @Version
  @Column(name = "version")
  private long version;

  protected ImprovementAction() {}

  ImprovementAction(
      Area area,
      String weakness,
      String action,
      String owner,
      LocalDate dueOn,
      String createdBy,
      Instant now) {
    this.area = area;
    this.weakness = weakness;
    this.action = action;
    this.owner = owner;
    this.dueOn = dueOn;
    this.status = Status.OPEN;
    this.createdBy = createdBy;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * Moves the action on: open to in progress to done (or straight to done); done is final.
   *
   * @return false when it already was in that status
   */
  boolean moveTo(Status next, Instant now) {
    if (next == status) {
      return false;
    }
    if (status == Status.DONE || next == Status.OPEN) {
      throw new RuleViolationException(
          "Improvement action " + id + " is " + status + " and cannot become " + next + ".");
    }
    status = next;
    if (next == Status.DONE) {
      doneAt = now.atOffset(ZoneOffset.UTC);
    }
    return true;
  }

  /** Not done by its due date (the bank's day {@code today}). */
  public boolean overdue(LocalDate today) {
    return status != Status.DONE && today.isAfter(dueOn);
  }

  public Long id() {
    return id;
  }

  public Area area() {
    return area;
  }

  public String weakness() {
    return weakness;
  }

  public String action() {
    return action;
  }

  public String owner() {
    return owner;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  public Status status() {
    return status;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Optional<Instant> doneAt() {
    return Optional.ofNullable(doneAt).map(OffsetDateTime::toInstant);
  }
}

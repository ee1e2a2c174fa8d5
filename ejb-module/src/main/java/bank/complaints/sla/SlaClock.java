package bank.complaints.sla;

import bank.complaints.calendar.BusinessCalendar;
import bank.complaints.common.RuleViolationException;
import bank.complaints.grading.Severity;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The deadline clock of one stage of one case (R-P1). It starts with the stage's policy, pauses
 * while the bank waits for the customer or an outside appraisal (paused time does not count), moves
 * only by an approved extension, and stops when the stage is done. Its next alert time is an
 * indexed column the escalation scanner claims; each {@link #fire} advances it, so an alert is
 * decided once.
 */
@Entity
@Table(name = "sla_clock")
public class SlaClock {

  /**
   * An alert due in working time goes out when due even if that is the end of a working day. One
   * found late (after a server was down) outside working hours waits for the next working period:
   * nobody is woken at 03:00 by a working-time clock, unless the case is Red.
   */
  static final Duration PROMPT = Duration.ofMinutes(5);

  /** Where a clock stands. */
  public enum State {
    RUNNING,
    PAUSED,
    STOPPED
  }

  // Ids in blocks of 1,000: the sequence's increment (V42, issue 18).
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_clock_seq")
  @SequenceGenerator(name = "sla_clock_seq", sequenceName = "sla_clock_seq", allocationSize = 1000)
  @Column(name = "id")
  private Long id;

  @Column(name = "complaint_id", nullable = false, updatable = false)
  private long complaintId;

  @Enumerated(EnumType.STRING)
  @Column(name = "stage", nullable = false, updatable = false)
  private SlaStage stage;

  @Enumerated(EnumType.STRING)
  @Column(name = "measure", nullable = false)
  private Measure measure;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false)
  private State state;

  @Column(name = "started_at", nullable = false, updatable = false)
  private OffsetDateTime startedAt;

  @Column(name = "due_at", nullable = false)
  private OffsetDateTime dueAt;

  @Column(name = "warn_at", nullable = false)
  private OffsetDateTime warnAt;

  @Column(name = "warned", nullable = false)
  private boolean warned;

  @Column(name = "escalations_sent", nullable = false)
  private int escalationsSent;

  /** The next alert; null when paused, stopped or at the top of the ladder. */
  @Column(name = "next_action_at")
  private OffsetDateTime nextActionAt;

  @Column(name = "paused_at")
  private OffsetDateTime pausedAt;

  @Column(name = "remaining_ms")
  private Long remainingMillis;

  @Column(name = "remaining_to_warn_ms")
  private Long remainingToWarnMillis;

  @Column(name = "paused_total_ms", nullable = false)
  private long pausedTotalMillis;

  @Column(name = "extended_ms", nullable = false)
  private long extendedMillis;

  @Column(name = "stopped_at")
  private OffsetDateTime stoppedAt;

  @Version
  @Column(name = "version")
  private long version;

  protected SlaClock() {}

  /** Starts the stage's clock now, with its policy's allowance and warning point. */
  public static SlaClock start(
      long complaintId, SlaPolicy policy, Instant now, BusinessCalendar calendar) {
    return start(complaintId, policy, false, now, calendar);
  }

  /** A clock of a complex case runs on the policy's complex allowance, where it has one (R-F2). */
  public static SlaClock start(
      long complaintId, SlaPolicy policy, boolean complex, Instant now, BusinessCalendar calendar) {
    SlaClock clock = new SlaClock();
    clock.complaintId = complaintId;
    clock.stage = policy.stage();
    clock.measure = policy.measure();
    clock.state = State.RUNNING;
    clock.startedAt = utc(now);
    Duration allowance = policy.allowance(complex).in(policy.measure(), calendar);
    clock.dueAt = utc(policy.measure().after(now, allowance, calendar));
    clock.warnAt = utc(policy.measure().after(now, policy.warnAfter(allowance), calendar));
    clock.nextActionAt = clock.next(policy.ladder(), calendar);
    return clock;
  }

  /**
   * The alert that is due now, if it may go out now; the clock moves on to its next one. A late
   * working-time alert outside working hours (not Red) is held to the next working period instead.
   */
  public Optional<SlaAlert> fire(
      Instant now, Severity severity, SlaPolicy policy, BusinessCalendar calendar) {
    if (state != State.RUNNING || nextActionAt == null || nextActionAt().isAfter(now)) {
      return Optional.empty();
    }
    Instant scheduledFor = nextActionAt();
    if (measure == Measure.WORKING_TIME
        && severity != Severity.RED
        && Duration.between(scheduledFor, now).compareTo(PROMPT) > 0
        && !calendar.isWorkingTime(now)) {
      nextActionAt = utc(calendar.nextWorkingTime(now));
      return Optional.empty();
    }
    List<EscalationStep> ladder = policy.ladder();
    SlaAlert alert;
    if (!warned) {
      warned = true;
      alert =
          new SlaAlert(
              SlaAlert.Kind.WARNING, 0, Recipient.OWNER, stage, scheduledFor, dueAt.toInstant());
    } else {
      EscalationStep step = ladder.get(escalationsSent);
      escalationsSent++;
      alert =
          new SlaAlert(
              SlaAlert.Kind.ESCALATION,
              escalationsSent,
              step.recipient(),
              stage,
              scheduledFor,
              dueAt.toInstant());
    }
    nextActionAt = next(ladder, calendar);
    return Optional.of(alert);
  }

  /** Waiting for the customer's information or an outside appraisal: time stops counting. */
  public void pause(Instant now, BusinessCalendar calendar) {
    requireState(State.RUNNING, "paused");
    if (escalationsSent > 0) {
      throw new RuleViolationException(
          "The " + stage + " deadline has already been missed; a missed deadline does not pause.");
    }
    remainingMillis = measure.between(now, dueAt(), calendar).toMillis();
    remainingToWarnMillis = warned ? null : measure.between(now, warnAt(), calendar).toMillis();
    pausedAt = utc(now);
    state = State.PAUSED;
    nextActionAt = null;
  }

  /** Counting resumes; the deadline moves by exactly the time spent paused. */
  public void resume(Instant now, SlaPolicy policy, BusinessCalendar calendar) {
    requireState(State.PAUSED, "resumed");
    pausedTotalMillis += measure.between(pausedAt.toInstant(), now, calendar).toMillis();
    dueAt = utc(measure.after(now, Duration.ofMillis(remainingMillis), calendar));
    if (!warned) {
      warnAt = utc(measure.after(now, Duration.ofMillis(remainingToWarnMillis), calendar));
    }
    pausedAt = null;
    remainingMillis = null;
    remainingToWarnMillis = null;
    state = State.RUNNING;
    nextActionAt = next(policy.ladder(), calendar);
  }

  /**
   * An approved extension (R-F2) moves the deadline by {@code extra}, within the policy's limit and
   * only before the deadline is missed.
   */
  public void extend(Allowance extra, Instant now, SlaPolicy policy, BusinessCalendar calendar) {
    if (state == State.STOPPED) {
      throw new RuleViolationException("The " + stage + " clock has stopped.");
    }
    Allowance limit =
        policy
            .maxExtension()
            .orElseThrow(
                () ->
                    new RuleViolationException(
                        "The "
                            + stage
                            + " deadline of a "
                            + policy.severity()
                            + " case cannot be"
                            + " extended."));
    if (escalationsSent > 0 || (state == State.RUNNING && now.isAfter(dueAt()))) {
      throw new RuleViolationException(
          "The " + stage + " deadline has already been missed; extend before it falls due.");
    }
    Duration amount = extra.in(measure, calendar);
    if (amount.isZero()
        || Duration.ofMillis(extendedMillis).plus(amount).compareTo(limit.in(measure, calendar))
            > 0) {
      throw new RuleViolationException(
          "An extension of "
              + extra
              + " would exceed the "
              + limit
              + " the policy allows in total for "
              + stage
              + " (already extended by "
              + Duration.ofMillis(extendedMillis)
              + ").");
    }
    extendedMillis += amount.toMillis();
    if (state == State.PAUSED) {
      remainingMillis += amount.toMillis();
    } else {
      dueAt = utc(measure.after(dueAt(), amount, calendar));
      nextActionAt = next(policy.ladder(), calendar);
    }
  }

  /**
   * R-G1: the case was regraded: a running clock's deadline becomes what the new severity's policy
   * gives from the same start (time paused and approved extensions still count) when that is
   * earlier, never later than already promised. A paused clock keeps what it has until it resumes;
   * a missed deadline stays missed.
   *
   * @return true when the deadline moved
   */
  public boolean retime(SlaPolicy policy, boolean complex, BusinessCalendar calendar) {
    if (state != State.RUNNING || escalationsSent > 0) {
      return false;
    }
    Instant due = dueFromStart(policy, complex, calendar);
    if (!due.isBefore(dueAt())) {
      return false;
    }
    moveDeadline(policy, complex, due, calendar);
    return true;
  }

  /**
   * R-F2: the case was found complex: a running clock whose policy gives complex cases more time
   * (first findings: 4 working days, not 2) gets it, counted from the same start. A missed deadline
   * stays missed.
   *
   * @return true when the deadline moved
   */
  public boolean allowComplex(SlaPolicy policy, BusinessCalendar calendar) {
    if (state != State.RUNNING || escalationsSent > 0 || policy.complexAllowance().isEmpty()) {
      return false;
    }
    Instant due = dueFromStart(policy, true, calendar);
    if (!due.isAfter(dueAt())) {
      return false;
    }
    moveDeadline(policy, true, due, calendar);
    return true;
  }

  /** The deadline the policy gives from this clock's start; pauses and extensions still count. */
  private Instant dueFromStart(SlaPolicy policy, boolean complex, BusinessCalendar calendar) {
    Duration allowance = policy.allowance(complex).in(policy.measure(), calendar);
    Duration kept = Duration.ofMillis(pausedTotalMillis + extendedMillis);
    return policy.measure().after(startedAt(), allowance.plus(kept), calendar);
  }

  private void moveDeadline(
      SlaPolicy policy, boolean complex, Instant due, BusinessCalendar calendar) {
    measure = policy.measure();
    dueAt = utc(due);
    if (!warned) {
      Duration allowance = policy.allowance(complex).in(measure, calendar);
      Duration kept = Duration.ofMillis(pausedTotalMillis + extendedMillis);
      Instant warn = measure.after(startedAt(), policy.warnAfter(allowance).plus(kept), calendar);
      warnAt = utc(warn.isAfter(due) ? due : warn);
    }
    nextActionAt = next(policy.ladder(), calendar);
  }

  /** The stage is done: no more alerts. */
  public void stop(Instant now) {
    if (state == State.STOPPED) {
      return;
    }
    if (state == State.PAUSED) {
      pausedTotalMillis += Duration.between(pausedAt.toInstant(), now).toMillis();
    }
    state = State.STOPPED;
    stoppedAt = utc(now);
    nextActionAt = null;
  }

  /** The warning first, then each rung of the ladder after the breach; none at the top. */
  private OffsetDateTime next(List<EscalationStep> ladder, BusinessCalendar calendar) {
    if (!warned) {
      return warnAt;
    }
    if (escalationsSent < ladder.size()) {
      Allowance after = ladder.get(escalationsSent).afterBreach();
      return utc(measure.after(dueAt(), after.in(measure, calendar), calendar));
    }
    return null;
  }

  private void requireState(State required, String action) {
    if (state != required) {
      throw new RuleViolationException(
          "The " + stage + " clock is " + state + " and cannot be " + action + ".");
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public long complaintId() {
    return complaintId;
  }

  public SlaStage stage() {
    return stage;
  }

  public Measure measure() {
    return measure;
  }

  public State state() {
    return state;
  }

  public Instant startedAt() {
    return startedAt.toInstant();
  }

  public Instant dueAt() {
    return dueAt.toInstant();
  }

  public Instant warnAt() {
    return warnAt.toInstant();
  }

  public boolean warned() {
    return warned;
  }

  public int escalationsSent() {
    return escalationsSent;
  }

  public Optional<Instant> nextAction() {
    return Optional.ofNullable(nextActionAt).map(OffsetDateTime::toInstant);
  }

  private Instant nextActionAt() {
    return nextActionAt.toInstant();
  }

  public Duration pausedTotal() {
    return Duration.ofMillis(pausedTotalMillis);
  }

  public Duration extended() {
    return Duration.ofMillis(extendedMillis);
  }

  public Optional<Instant> stoppedAt() {
    return Optional.ofNullable(stoppedAt).map(OffsetDateTime::toInstant);
  }
}

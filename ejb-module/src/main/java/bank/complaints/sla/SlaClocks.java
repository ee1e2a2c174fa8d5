package bank.complaints.sla;

import bank.complaints.calendar.Calendars;
import bank.complaints.common.NotFoundException;
import bank.complaints.complaint.ComplaintId;
import bank.complaints.grading.Severity;
import bank.complaints.platform.TransactionLocal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Starts, stops, pauses, resumes and extends the clocks of a case, inside the caller's transaction:
 * a stage's clock changes in the same commit as the step that moves the case.
 */
@ApplicationScoped
public class SlaClocks {

  @Inject TransactionLocal transaction;

  @Inject EntityManager em;

  @Inject SlaPolicies policies;

  @Inject Calendars calendars;

  /** When a stage started now would be due, without starting it. */
  public Instant preview(Severity severity, SlaStage stage, Instant now) {
    return SlaClock.start(0L, policy(stage, severity), now, calendars.current()).dueAt();
  }

  /** Starts the stage's clock under the policy for the case's severity. */
  public SlaClock start(ComplaintId complaintId, Severity severity, SlaStage stage, Instant now) {
    return start(complaintId, severity, false, stage, now);
  }

  /** Starts the stage's clock for a case that is, or is not, complex (R-F2). */
  public SlaClock start(
      ComplaintId complaintId, Severity severity, boolean complex, SlaStage stage, Instant now) {
    transaction.require("SlaClocks.start");
    SlaClock clock =
        SlaClock.start(
            complaintId.value(), policy(stage, severity), complex, now, calendars.current());
    em.persist(clock);
    return clock;
  }

  /**
   * A stage that began at {@code started} and was done at {@code done}, recorded as a stopped clock
   * in one write (registration: from receipt to registration), so whether its deadline was kept is
   * on record.
   */
  public SlaClock record(
      ComplaintId complaintId, Severity severity, SlaStage stage, Instant started, Instant done) {
    transaction.require("SlaClocks.record");
    SlaClock clock =
        SlaClock.start(complaintId.value(), policy(stage, severity), started, calendars.current());
    clock.stop(done);
    em.persist(clock);
    return clock;
  }

  /** Stops the stage's running or paused clock; nothing happens if there is none. */
  public Optional<SlaClock> stop(ComplaintId complaintId, SlaStage stage, Instant now) {
    transaction.require("SlaClocks.stop");
    Optional<SlaClock> clock = active(complaintId, stage);
    clock.ifPresent(c -> c.stop(now));
    return clock;
  }

  public SlaClock pause(ComplaintId complaintId, SlaStage stage, Instant now) {
    transaction.require("SlaClocks.pause");
    SlaClock clock = require(complaintId, stage);
    clock.pause(now, calendars.current());
    return clock;
  }

  public SlaClock resume(ComplaintId complaintId, Severity severity, SlaStage stage, Instant now) {
    transaction.require("SlaClocks.resume");
    SlaClock clock = require(complaintId, stage);
    clock.resume(now, policy(stage, severity), calendars.current());
    return clock;
  }

  public SlaClock extend(
      ComplaintId complaintId, Severity severity, SlaStage stage, Allowance extra, Instant now) {
    transaction.require("SlaClocks.extend");
    SlaClock clock = require(complaintId, stage);
    clock.extend(extra, now, policy(stage, severity), calendars.current());
    return clock;
  }

  /**
   * R-G1: the case's severity changed: each running clock takes the new policy's deadline where it
   * is earlier (never later than promised).
   *
   * @return the clocks whose deadlines moved
   */
  public List<SlaClock> retime(ComplaintId complaintId, Severity severity, boolean complex) {
    transaction.require("SlaClocks.retime");
    return running(complaintId).stream()
        .filter(c -> c.retime(policy(c.stage(), severity), complex, calendars.current()))
        .toList();
  }

  /**
   * The case's running clocks, oldest first, those this transaction started and has not written yet
   * among them: asked for without writing the transaction's rows first (issue 18: a complaint
   * joining an open incident at registration re-times the clocks it has just started; a query that
   * flushed wrote its group's rows half-way, 3.6 % of the server's CPU at saturation).
   */
  private List<SlaClock> running(ComplaintId complaintId) {
    return em
        .createQuery(
            "select c from SlaClock c where c.complaintId = :complaint and c.state = :running",
            SlaClock.class)
        .setParameter("complaint", complaintId.value())
        .setParameter("running", SlaClock.State.RUNNING)
        .setFlushMode(FlushModeType.COMMIT)
        .setHint("eclipselink.cache-usage", "ConformResultsInUnitOfWork")
        .getResultList()
        .stream()
        .sorted(Comparator.comparing(SlaClock::startedAt).thenComparing(SlaClock::id))
        .toList();
  }

  /**
   * R-F2: the case was found complex: running clocks whose policy gives complex cases more time get
   * it.
   *
   * @return the clocks whose deadlines moved
   */
  public List<SlaClock> allowComplex(ComplaintId complaintId, Severity severity) {
    transaction.require("SlaClocks.allowComplex");
    return of(complaintId).stream()
        .filter(c -> c.state() == SlaClock.State.RUNNING)
        .filter(c -> c.allowComplex(policy(c.stage(), severity), calendars.current()))
        .toList();
  }

  /** The stage's running or paused clock. */
  public Optional<SlaClock> activeClock(ComplaintId complaintId, SlaStage stage) {
    transaction.require("SlaClocks.activeClock");
    return active(complaintId, stage);
  }

  /** The re-timed deadlines as a timeline entry states them, in the bank's zone. */
  public static String retimed(List<SlaClock> clocks, ZoneId bankZone) {
    if (clocks.isEmpty()) {
      return "";
    }
    return clocks.stream()
        .map(
            c ->
                c.stage()
                    + " now due "
                    + c.dueAt().atZone(bankZone).toLocalDateTime().toString().replace('T', ' '))
        .collect(java.util.stream.Collectors.joining(", ", " (deadlines re-timed: ", ")"));
  }

  /** The case's clocks, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SlaClock> of(ComplaintId complaintId) {
    return em.createQuery(
            "select c from SlaClock c where c.complaintId = :complaint order by c.startedAt, c.id",
            SlaClock.class)
        .setParameter("complaint", complaintId.value())
        .getResultList();
  }

  private Optional<SlaClock> active(ComplaintId complaintId, SlaStage stage) {
    return em.createQuery(
            "select c from SlaClock c where c.complaintId = :complaint and c.stage = :stage"
                + " and c.state <> :stopped",
            SlaClock.class)
        .setParameter("complaint", complaintId.value())
        .setParameter("stage", stage)
        .setParameter("stopped", SlaClock.State.STOPPED)
        .getResultStream()
        .findFirst();
  }

  private SlaClock require(ComplaintId complaintId, SlaStage stage) {
    return active(complaintId, stage)
        .orElseThrow(() -> new NotFoundException("The case has no running " + stage + " clock."));
  }

  private SlaPolicy policy(SlaStage stage, Severity severity) {
    return policies
        .of(stage, severity)
        .orElseThrow(
            () -> new IllegalStateException("no SLA policy for " + stage + " / " + severity));
  }
}

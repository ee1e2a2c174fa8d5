package bank.complaints.escalation;

import bank.complaints.calendar.BusinessCalendar;
import bank.complaints.calendar.Calendars;
import bank.complaints.complaint.Complaint;
import bank.complaints.outbox.Outbox;
import bank.complaints.sla.SlaAlert;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaPolicies;
import bank.complaints.sla.SlaPolicy;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * Fires the alerts that are due, one batch per transaction. The due clocks are claimed with {@code
 * FOR UPDATE SKIP LOCKED}, so several servers (or overlapping scans) share the work and never fire
 * one alert twice; each alert's message goes to the outbox and its timeline entry is written in the
 * same commit that moves the clock on.
 */
@Stateless
public class Escalations {

  private static final String CLAIM =
      "select * from sla_clock where next_action_at <= ?1 order by next_action_at"
          + " fetch first %d rows only for update skip locked";

  private static final String CLAIM_ONE =
      "select * from sla_clock where id = ?2 and next_action_at <= ?1 for update skip locked";

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject SlaPolicies policies;

  @Inject Calendars calendars;

  @Inject Outbox outbox;

  @Inject Timeline timeline;

  @Inject Clock clock;

  @Inject
  @Metric(
      name = "complaints_escalation_lag_ms",
      absolute = true,
      description = "Milliseconds from when an alert was due to when it was raised")
  Histogram lag;

  @Inject
  @Metric(
      name = "complaints_escalation_held_back",
      absolute = true,
      description = "Deadline clocks that could not be escalated and were held back for a retry")
  Counter heldBack;

  /** Fires the alerts of up to {@code limit} due clocks; returns how many clocks it claimed. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  @Timed(
      name = "complaints_escalation_batch",
      absolute = true,
      description = "One claim-and-fire transaction of the escalation scanner")
  public int fireDue(int limit) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<SlaClock> due =
        em.createNativeQuery(CLAIM.formatted(limit), SlaClock.class)
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .getResultList();
    fire(due, now);
    return due.size();
  }

  /** The ids of up to {@code limit} due clocks, unclaimed: to fire one by one after a failure. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> dueIds(int limit) {
    return em.createQuery(
            "select c.id from SlaClock c where c.nextActionAt <= :now order by c.nextActionAt",
            Long.class)
        .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
        .setMaxResults(limit)
        .getResultList();
  }

  /** Fires one clock, if it is still due and no other scan holds it. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void fireOne(long clockId) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<SlaClock> due =
        em.createNativeQuery(CLAIM_ONE, SlaClock.class)
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, clockId)
            .getResultList();
    fire(due, now);
  }

  /**
   * Moves a clock that cannot be fired out of the way for {@code delay}, so the clocks due after it
   * are not held up; it is tried again then (and goes through once repaired).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void holdBack(long clockId, Duration delay) {
    em.createNativeQuery("update sla_clock set next_action_at = ?1 where id = ?2")
        .setParameter(1, clock.instant().plus(delay).atOffset(ZoneOffset.UTC))
        .setParameter(2, clockId)
        .executeUpdate();
    heldBack.inc();
  }

  private void fire(List<SlaClock> due, Instant now) {
    if (due.isEmpty()) {
      return;
    }
    Map<Long, Complaint> cases =
        em.createQuery("select c from Complaint c where c.id in :ids", Complaint.class)
            .setParameter("ids", due.stream().map(SlaClock::complaintId).distinct().toList())
            .getResultStream()
            .collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
    BusinessCalendar calendar = calendars.current();
    for (SlaClock slaClock : due) {
      Complaint complaint = cases.get(slaClock.complaintId());
      SlaPolicy policy =
          policies
              .of(slaClock.stage(), complaint.severity())
              .orElseThrow(() -> new IllegalStateException("no policy for " + slaClock.stage()));
      slaClock
          .fire(now, complaint.severity(), policy, calendar)
          .ifPresent(alert -> raise(alert, complaint, now));
    }
  }

  private void raise(SlaAlert alert, Complaint complaint, Instant now) {
    outbox.enqueue(EscalationMessages.outgoing(alert, complaint, now));
    boolean warning = alert.kind() == SlaAlert.Kind.WARNING;
    timeline.recordAlert(
        complaint.id(),
        warning ? CaseEventKind.SLA_WARNING : CaseEventKind.SLA_ESCALATION,
        (warning
                ? "Warning to the owner: the " + alert.stage() + " deadline is near"
                : "Escalation level "
                    + alert.level()
                    + " to "
                    + alert.recipient()
                    + ": the "
                    + alert.stage()
                    + " deadline was missed")
            + " (due "
            + alert.dueAt()
            + ").",
        alert.scheduledFor(),
        now);
    lag.update(Duration.between(alert.scheduledFor(), now).toMillis());
  }
}

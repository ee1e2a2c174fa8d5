package bank.complaints.timeline;

import bank.complaints.audit.AuditLog;
import bank.complaints.complaint.ComplaintId;
import bank.complaints.platform.TransactionLocal;
import bank.complaints.statistics.ChangedCases;
import bank.complaints.statistics.StatPending;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Records timeline entries inside the caller's transaction, and reads a case's timeline. */
@ApplicationScoped
public class Timeline {

  @Inject TransactionLocal transaction;

  /** The actor of what the system does by itself (alerts, automatic assignment). */
  public static final String SYSTEM = "system";

  @Inject EntityManager em;

  @Inject Clock clock;

  @Inject AuditLog audit;

  @Inject ChangedCases changed;

  @Inject OneAction action;

  /**
   * Runs {@code work} as one audited action: the timeline steps it records in the caller's
   * transaction are audited as one entry per complaint and actor, named by the first step and
   * listing every step, instead of an entry each (R-S3, ADR 0009). A registration is one such
   * action: a channel system's submission with the grading, notice and assignment it sets off.
   * Called within one, it belongs to the outer action. Nothing is audited if {@code work} fails.
   */
  public <T> T asOneAction(Supplier<T> work) {
    transaction.require("Timeline.asOneAction");
    if (!action.open()) {
      return work.get();
    }
    T result;
    List<OneAction.Entry> entries;
    try {
      result = work.get();
    } finally {
      entries = action.close();
    }
    for (OneAction.Entry entry : entries) {
      audit.record(entry.action(), entry.subject(), entry.actor(), entry.reason());
    }
    return result;
  }

  public void record(
      ComplaintId complaintId,
      CaseEventKind kind,
      String actor,
      String summary,
      boolean customerVisible) {
    transaction.require("Timeline.record");
    em.persist(
        new CaseEvent(
            complaintId.value(), clock.instant(), kind, actor, summary, customerVisible, null));
    audit(complaintId, kind, actor, summary);
    markForStatistics(complaintId);
  }

  /** R-M1: whatever the timeline records may change the case's figures. */
  private void markForStatistics(ComplaintId complaintId) {
    if (changed.firstMention(complaintId.value())) {
      em.persist(new StatPending(complaintId.value()));
    }
  }

  /**
   * R-S3: every timeline step is also in the tamper-evident audit log: an entry of its own, or part
   * of its action's ({@link #asOneAction}).
   */
  private void audit(ComplaintId complaintId, CaseEventKind kind, String actor, String summary) {
    String subject = "complaint:" + complaintId;
    if (!action.add(subject, actor, kind, summary)) {
      audit.record(kind.name(), subject, actor, summary);
    }
  }

  /**
   * Recorded in a transaction of its own, so that it stays even when the caller's transaction is
   * rolled back: a refusal (R-P2) is on record although nothing else changed.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordRefusal(
      ComplaintId complaintId, CaseEventKind kind, String actor, String summary) {
    em.persist(
        new CaseEvent(complaintId.value(), clock.instant(), kind, actor, summary, false, null));
    audit(complaintId, kind, actor, summary);
  }

  /** An alert: internal, by the system, with the time it was due to go out. */
  public void recordAlert(
      ComplaintId complaintId,
      CaseEventKind kind,
      String summary,
      Instant scheduledFor,
      Instant now) {
    transaction.require("Timeline.recordAlert");
    em.persist(new CaseEvent(complaintId.value(), now, kind, SYSTEM, summary, false, scheduledFor));
    audit(complaintId, kind, SYSTEM, summary);
    markForStatistics(complaintId);
  }

  public List<CaseEvent> of(ComplaintId complaintId, boolean customerView) {
    return em.createQuery(
            "select e from CaseEvent e where e.complaintId = :complaint"
                + (customerView ? " and e.customerVisible = true" : "")
                + " order by e.occurredAt, e.id",
            CaseEvent.class)
        .setParameter("complaint", complaintId.value())
        .getResultList();
  }
}

package bank.complaints.caseprocess;

import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.Complaints;
import bank.complaints.insight.Memberships;
import bank.complaints.insight.Memberships.Membership;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaClocks;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.WorkTask;
import bank.complaints.timeline.CaseEvent;
import bank.complaints.timeline.Timeline;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What a case's file holds, read: its progress for the customer's channel, and the whole file. */
@Stateless
public class CaseFiles {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject Complaints complaints;

  @Inject SlaClocks clocks;

  @Inject Timeline timeline;

  @Inject Memberships memberships;

  /**
   * R-P3: what the customer's channel may see: the case, the next deadline of a running clock, and
   * the customer-visible timeline (no internal notes).
   *
   * <p>Read outside a transaction unless the caller has one (issue 18: a JTA transaction, its
   * commit round trip and its unit of work cost a read about a sixth of its CPU, for nothing: in
   * PostgreSQL's read committed each statement sees its own snapshot inside a transaction too).
   * What it calls must therefore not require one.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Progress progress(ComplaintNumber number) {
    Complaint complaint = complaints.toShow(number);
    List<SlaClock> all = clocks.of(complaint.id());
    Optional<Instant> nextDeadline =
        all.stream()
            .filter(c -> c.state() == SlaClock.State.RUNNING)
            .map(SlaClock::dueAt)
            .min(Comparator.naturalOrder());
    // the regulator's clock among those, not queried again (issue 18: a read's cost)
    Optional<Instant> decisionDueBy =
        all.stream()
            .filter(c -> c.stage() == SlaStage.REGULATOR_DECISION)
            .filter(c -> c.state() != SlaClock.State.STOPPED)
            .map(SlaClock::dueAt)
            .findFirst();
    return new Progress(
        complaint,
        memberships.of(complaint),
        nextDeadline,
        decisionDueBy,
        timeline.of(complaint.id(), true));
  }

  /** A case's progress as its customer may see it. */
  public record Progress(
      Complaint complaint,
      Membership membership,
      Optional<Instant> nextDeadline,
      Optional<Instant> decisionDueBy,
      List<CaseEvent> timeline) {}

  /** R-F9: the case's whole file. */
  public CaseFile file(ComplaintNumber number) {
    Complaint complaint = complaints.find(number);
    return new CaseFile(
        complaint,
        memberships.of(complaint),
        resolutions(complaint),
        em.createQuery(
                "select t from WorkTask t where t.complaint = :c order by t.createdAt, t.id",
                WorkTask.class)
            .setParameter("c", complaint)
            .getResultList(),
        clocks.of(complaint.id()),
        timeline.of(complaint.id(), false));
  }

  public List<Resolution> resolutions(Complaint complaint) {
    return em.createQuery(
            "select r from Resolution r where r.complaintId = :id order by r.proposedAt, r.id",
            Resolution.class)
        .setParameter("id", complaint.id().value())
        .getResultList();
  }

  /** The resolution awaiting approval. */
  public Resolution pending(Complaint complaint) {
    Resolution latest = latest(complaint);
    if (latest.status() != Resolution.Status.PENDING) {
      throw new RuleViolationException(
          "Complaint " + complaint.number().value() + " has no resolution awaiting approval.");
    }
    return latest;
  }

  /** The latest resolution proposed. */
  public Resolution latest(Complaint complaint) {
    List<Resolution> all = resolutions(complaint);
    if (all.isEmpty()) {
      throw new RuleViolationException(
          "Complaint " + complaint.number().value() + " has no proposed resolution.");
    }
    return all.get(all.size() - 1);
  }
}

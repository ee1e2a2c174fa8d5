package bank.complaints.caseprocess;

import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.Complaints;
import bank.complaints.complaint.Complaints.ShownRow;
import bank.complaints.insight.Memberships;
import bank.complaints.insight.Memberships.Membership;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaClocks;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.WorkTask;
import bank.complaints.timeline.CaseEvent;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a case's file holds, read: its progress for the customer's channel, and the whole file.
 *
 * <p>A CDI bean, not an EJB (issue 18: each progress read called it and {@link Complaints} through
 * the EJB container, whose invocations cost more than the read's statements). Its reads join the
 * caller's transaction when there is one; the whole file has its own, so that it is read in one
 * persistence context.
 */
@ApplicationScoped
public class CaseFiles {

  @Inject EntityManager em;

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
   *
   * <p>Two statements: the complaint, and its element collections with {@link #PROGRESS} for the
   * rest (issue 18: a read's cost is its statements; the clocks, the membership and the timeline
   * were one each, then one together besides the collections').
   */
  public Progress progress(ComplaintNumber number) {
    Read read = new Read();
    Complaint complaint = complaints.toShow(number, PROGRESS, read::add);
    return new Progress(
        complaint,
        Memberships.read(complaint.id(), read.repeatOf, read.place, read.incident),
        read.nextDeadline,
        read.decisionDueBy,
        read.steps);
  }

  private static final int CLOCK = ShownRow.LAST_LIST + 1;
  private static final int REPEAT = CLOCK + 1;
  private static final int INCIDENT = REPEAT + 1;
  private static final int STEP = INCIDENT + 1;

  /**
   * What a progress read needs beyond the complaint, read with its lists ({@link
   * Complaints#toShow}), from the tables that {@link SlaClock}, {@link
   * bank.complaints.insight.RepeatLink}, {@link bank.complaints.insight.IncidentMember} and {@link
   * CaseEvent} map (the same columns): the clocks that have not stopped, by when they started, the
   * repeat, the incident, and the customer-visible timeline in the order it happened.
   */
  private static final String PROGRESS =
      """
      select %d, id, started_at, due_at, stage, state, null
        from sla_clock where complaint_id = ?1 and state <> 'STOPPED'
      union all
      select %d, place, null, null, first_number, null, null
        from complaint_repeat where complaint_id = ?1
      union all
      select %d, incident_id, null, null, null, null, null
        from incident_member where complaint_id = ?1
      union all
      select %d, id, occurred_at, occurred_at, kind, summary, null
        from case_event where complaint_id = ?1 and customer_visible = true"""
          .formatted(CLOCK, REPEAT, INCIDENT, STEP);

  /** A progress read's rows beyond the complaint, as they come. */
  private static final class Read {
    Optional<Instant> nextDeadline = Optional.empty();
    Optional<Instant> decisionDueBy = Optional.empty();
    String repeatOf;
    int place;
    Long incident;
    final List<Step> steps = new ArrayList<>();

    void add(ShownRow row) {
      int part = row.part();
      if (part == CLOCK) {
        Instant due = row.instant(2);
        if (SlaClock.State.valueOf(row.text(2)) == SlaClock.State.RUNNING
            && nextDeadline.map(due::isBefore).orElse(true)) {
          nextDeadline = Optional.of(due);
        }
        // the regulator's clock: the first started that has not stopped (none stopped here)
        if (decisionDueBy.isEmpty()
            && SlaStage.valueOf(row.text(1)) == SlaStage.REGULATOR_DECISION) {
          decisionDueBy = Optional.of(due);
        }
      } else if (part == REPEAT) {
        repeatOf = row.text(1);
        place = (int) row.number();
      } else if (part == INCIDENT) {
        incident = row.number();
      } else if (part == STEP) {
        steps.add(new Step(row.instant(1), CaseEventKind.valueOf(row.text(1)), row.text(2)));
      } else {
        throw new IllegalStateException("unknown part " + part);
      }
    }
  }

  /** A case's progress as its customer may see it. */
  public record Progress(
      Complaint complaint,
      Membership membership,
      Optional<Instant> nextDeadline,
      Optional<Instant> decisionDueBy,
      List<Step> timeline) {}

  /** One customer-visible step of the case's timeline. */
  public record Step(Instant at, CaseEventKind kind, String summary) {}

  /** R-F9: the case's whole file. */
  @Transactional
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

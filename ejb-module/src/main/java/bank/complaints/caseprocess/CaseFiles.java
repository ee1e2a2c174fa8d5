package bank.complaints.caseprocess;

import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.Complaints;
import bank.complaints.insight.Memberships;
import bank.complaints.insight.Memberships.Membership;
import bank.complaints.platform.SqlValues;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaClocks;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.WorkTask;
import bank.complaints.timeline.CaseEvent;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
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
   *
   * <p>Three statements: the complaint, its element collections, and {@link #PROGRESS} for the rest
   * (issue 18: a read's cost is its statements, and the clocks, the membership and the timeline
   * were one each).
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Progress progress(ComplaintNumber number) {
    Complaint complaint = complaints.toShow(number);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(PROGRESS).setParameter(1, complaint.id().value()).getResultList();
    Optional<Instant> nextDeadline = Optional.empty();
    Optional<Instant> decisionDueBy = Optional.empty();
    String repeatOf = null;
    int place = 0;
    Long incident = null;
    List<Step> steps = new ArrayList<>();
    for (Object[] row : rows) {
      switch (((Number) row[0]).intValue()) {
        case 1 -> {
          Instant due = SqlValues.instant(row[1]);
          if (SlaClock.State.valueOf((String) row[5]) == SlaClock.State.RUNNING
              && nextDeadline.map(due::isBefore).orElse(true)) {
            nextDeadline = Optional.of(due);
          }
          // the regulator's clock: the first started that has not stopped (none stopped here)
          if (decisionDueBy.isEmpty()
              && SlaStage.valueOf((String) row[4]) == SlaStage.REGULATOR_DECISION) {
            decisionDueBy = Optional.of(due);
          }
        }
        case 2 -> {
          repeatOf = (String) row[4];
          place = ((Number) row[3]).intValue();
        }
        case 3 -> incident = ((Number) row[3]).longValue();
        case 4 ->
            steps.add(
                new Step(
                    SqlValues.instant(row[1]),
                    CaseEventKind.valueOf((String) row[4]),
                    (String) row[5]));
        default -> throw new IllegalStateException("unknown part " + row[0]);
      }
    }
    return new Progress(
        complaint,
        Memberships.read(complaint.id(), repeatOf, place, incident),
        nextDeadline,
        decisionDueBy,
        steps);
  }

  /**
   * What a progress read needs beyond the complaint, in one statement, from the tables that {@link
   * SlaClock}, {@link bank.complaints.insight.RepeatLink}, {@link
   * bank.complaints.insight.IncidentMember} and {@link CaseEvent} map (the same columns): the
   * clocks that have not stopped in the order they started (1), the repeat (2), the incident (3),
   * and the customer-visible timeline in the order it happened (4).
   */
  private static final String PROGRESS =
      """
      select 1, due_at, started_at, id, stage, state
        from sla_clock where complaint_id = ?1 and state <> 'STOPPED'
      union all
      select 2, cast(null as timestamp with time zone), cast(null as timestamp with time zone),
             place, first_number, cast(null as varchar(2000))
        from complaint_repeat where complaint_id = ?1
      union all
      select 3, cast(null as timestamp with time zone), cast(null as timestamp with time zone),
             incident_id, cast(null as varchar(32)), cast(null as varchar(2000))
        from incident_member where complaint_id = ?1
      union all
      select 4, occurred_at, occurred_at, id, kind, summary
        from case_event where complaint_id = ?1 and customer_visible = true
      order by 1, 3, 4""";

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

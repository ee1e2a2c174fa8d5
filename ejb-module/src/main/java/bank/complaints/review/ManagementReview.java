package bank.complaints.review;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.NotFoundException;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.Complaints;
import bank.complaints.platform.BankZone;
import bank.complaints.statistics.StatisticsReport;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * R-M2, R-M3: selecting typical cases, tracking improvement actions, and the quarterly analysis
 * drawn from the complaints themselves.
 */
@Stateless
public class ManagementReview {

  private static final int TOP = 5;

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject Complaints complaints;

  @Inject Timeline timeline;

  @Inject Clock clock;

  @Inject @BankZone ZoneId bankZone;

  /** R-M2: staff select a case as typical for the quarter's analysis, with a comment. */
  public TypicalCase flagTypical(
      ComplaintNumber number, TypicalKind kind, String comment, String by) {
    Complaint complaint = complaints.find(number);
    Instant now = clock.instant();
    TypicalCase typical = em.find(TypicalCase.class, complaint.id().value());
    if (typical == null) {
      typical = new TypicalCase(complaint.id(), kind, comment, by, now);
      em.persist(typical);
    } else {
      typical.flag(kind, comment, by, now);
    }
    timeline.record(
        complaint.id(),
        CaseEventKind.TYPICAL_CASE_SELECTED,
        by,
        "Selected as a typical case (" + kind + ") for the quarterly analysis: " + comment,
        false);
    return typical;
  }

  /** R-M3: an improvement action on a weakness found. */
  public ImprovementAction newAction(
      ImprovementAction.Area area,
      String weakness,
      String action,
      String owner,
      LocalDate dueOn,
      String by) {
    ImprovementAction created =
        new ImprovementAction(area, weakness, action, owner, dueOn, by, clock.instant());
    em.persist(created);
    return created;
  }

  /** R-M3: an action moves on (in progress, done). */
  public ImprovementAction move(long id, ImprovementAction.Status status) {
    ImprovementAction action = action(id);
    action.moveTo(status, clock.instant());
    return action;
  }

  public ImprovementAction action(long id) {
    ImprovementAction action = em.find(ImprovementAction.class, id);
    if (action == null) {
      throw new NotFoundException("No improvement action " + id + ".");
    }
    return action;
  }

  /** The actions, optionally of one status, the oldest first. */
  public List<ImprovementAction> actions(ImprovementAction.Status status) {
    return em.createQuery(
            "select a from ImprovementAction a where (:status is null or a.status = :status)"
                + " order by a.createdAt, a.id",
            ImprovementAction.class)
        .setParameter("status", status)
        .getResultList();
  }

  /** R-M2, R-M3: the analysis of the quarter starting with {@code first} (its first month). */
  public QuarterlyAnalysis quarter(YearMonth first) {
    if ((first.getMonthValue() - 1) % 3 != 0) {
      throw new InvalidRequestException("A quarter starts in January, April, July or October.");
    }
    LocalDate from = first.atDay(1);
    LocalDate to = first.plusMonths(2).atEndOfMonth();
    OffsetDateTime start = at(from);
    OffsetDateTime end = at(to.plusDays(1));
    long complaints = count("COMPLAINT", start, end);
    long previous = count("COMPLAINT", at(from.minusMonths(3)), start);
    List<QuarterlyAnalysis.Count> byMonth = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      YearMonth month = first.plusMonths(m);
      byMonth.add(
          new QuarterlyAnalysis.Count(
              month.toString(),
              count("COMPLAINT", at(month.atDay(1)), at(month.plusMonths(1).atDay(1)))));
    }
    QuarterlyAnalysis.Volumes volumes =
        new QuarterlyAnalysis.Volumes(
            complaints,
            previous,
            complaints - previous,
            StatisticsReport.ratio(complaints - previous, previous),
            count("SUGGESTION", start, end),
            count("INQUIRY", start, end),
            byMonth);
    List<QuarterlyAnalysis.Count> tags = new ArrayList<>();
    for (Object[] row :
        rows(
            "select t.tag, count(*) from complaint_cause_tag t join complaint c on c.id ="
                + " t.complaint_id where c.feedback_type = 'COMPLAINT' and c.received_at >= ?1"
                + " and c.received_at < ?2 group by t.tag order by count(*) desc, t.tag",
            start,
            end)) {
      if (tags.size() < TOP) {
        tags.add(new QuarterlyAnalysis.Count((String) row[0], number(row[1])));
      }
    }
    List<QuarterlyAnalysis.Count> categories = new ArrayList<>();
    for (Object[] row :
        rows(
            "select c.category, count(*) from complaint c where c.feedback_type = 'COMPLAINT'"
                + " and c.received_at >= ?1 and c.received_at < ?2 group by c.category"
                + " order by count(*) desc, c.category",
            start,
            end)) {
      categories.add(new QuarterlyAnalysis.Count((String) row[0], number(row[1])));
    }
    List<QuarterlyAnalysis.Area> areas = new ArrayList<>();
    for (Object[] row :
        rows(
            "select c.category, coalesce(c.department_code, '-'), count(*), sum(case when"
                + " exists (select 1 from complaint_repeat r where r.complaint_id = c.id) then 1"
                + " else 0 end) from complaint c where"
                + " c.feedback_type = 'COMPLAINT' and c.received_at >= ?1 and c.received_at < ?2"
                + " group by c.category, c.department_code order by count(*) desc, c.category,"
                + " coalesce(c.department_code, '-')",
            start,
            end)) {
      if (areas.size() < TOP) {
        areas.add(
            new QuarterlyAnalysis.Area(
                (String) row[0], (String) row[1], number(row[2]), number(row[3])));
      }
    }
    List<QuarterlyAnalysis.Typical> typical = new ArrayList<>();
    for (TypicalCase flagged :
        em.createQuery(
                "select t from TypicalCase t where t.flaggedAt >= :start and t.flaggedAt < :end"
                    + " order by t.flaggedAt",
                TypicalCase.class)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList()) {
      Complaint complaint = em.find(Complaint.class, flagged.complaintId());
      typical.add(
          new QuarterlyAnalysis.Typical(
              complaint.number().value(),
              complaint.subject(),
              complaint.severity().name(),
              complaint.status().name(),
              flagged.kind(),
              flagged.comment(),
              flagged.flaggedBy(),
              flagged.flaggedAt()));
    }
    LocalDate today = LocalDate.now(clock.withZone(bankZone));
    List<QuarterlyAnalysis.Action> actions =
        em
            .createQuery(
                "select a from ImprovementAction a where a.createdAt < :end and (a.doneAt is null"
                    + " or a.doneAt >= :start) order by a.dueOn, a.id",
                ImprovementAction.class)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList()
            .stream()
            .map(
                a ->
                    new QuarterlyAnalysis.Action(
                        a.id(),
                        a.area(),
                        a.weakness(),
                        a.action(),
                        a.owner(),
                        a.dueOn(),
                        a.status(),
                        a.overdue(today),
                        a.doneAt().orElse(null)))
            .toList();
    return new QuarterlyAnalysis(
        first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1),
        from,
        to,
        volumes,
        tags,
        categories,
        areas,
        typical,
        actions);
  }

  private OffsetDateTime at(LocalDate day) {
    return day.atStartOfDay(bankZone).toOffsetDateTime();
  }

  private long count(String feedbackType, OffsetDateTime start, OffsetDateTime end) {
    return number(
        em.createNativeQuery(
                "select count(*) from complaint where feedback_type = ?1 and received_at >= ?2"
                    + " and received_at < ?3")
            .setParameter(1, feedbackType)
            .setParameter(2, start)
            .setParameter(3, end)
            .getSingleResult());
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, OffsetDateTime start, OffsetDateTime end) {
    return em.createNativeQuery(sql).setParameter(1, start).setParameter(2, end).getResultList();
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}

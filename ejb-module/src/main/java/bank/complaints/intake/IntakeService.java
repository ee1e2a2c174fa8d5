package bank.complaints.intake;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.evidence.EvidenceLocker;
import bank.complaints.grading.Grade;
import bank.complaints.grading.GradingRules;
import bank.complaints.insight.MassComplaints;
import bank.complaints.insight.RepeatComplaints;
import bank.complaints.notification.CustomerNotices;
import bank.complaints.outbox.Outbox;
import bank.complaints.platform.BankZone;
import bank.complaints.privacy.PersonalDataKeys;
import bank.complaints.routing.Department;
import bank.complaints.routing.Routing;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaClocks;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.TaskKind;
import bank.complaints.tasks.TaskMessages;
import bank.complaints.tasks.WorkTask;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Registers complaints (R-I6) and hands each to its department (R-F1), all in one transaction: the
 * complaint, its assignment task and the task's message in the outbox commit together or not at
 * all.
 */
@Stateless
public class IntakeService {

  private static final Logger LOG = Logger.getLogger(IntakeService.class.getName());

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject Routing routing;

  @Inject Outbox outbox;

  @Inject Clock clock;

  @Inject @BankZone ZoneId bankZone;

  @Inject SlaClocks clocks;

  @Inject Timeline timeline;

  @Inject GradingRules grading;

  @Inject EvidenceLocker evidence;

  @Inject RepeatComplaints repeats;

  @Inject MassComplaints mass;

  @Inject Regions regions;

  @Inject
  @Metric(
      name = "complaints_registered",
      absolute = true,
      description = "Complaints registered since start (retries under a known key not counted)")
  Counter registered;

  /**
   * Registers a submission; under an Idempotency-Key already used from the same channel, returns
   * the complaint the first submission created instead (or refuses a different submission).
   *
   * @param idempotencyKey the channel system's retry key, or null
   */
  public Registration register(NewComplaint submitted, String idempotencyKey) {
    if (idempotencyKey == null) {
      return new Registration.Created(register(submitted));
    }
    IdempotencyKey known =
        em.find(IdempotencyKey.class, new IdempotencyKey.Key(submitted.channel(), idempotencyKey));
    if (known != null) {
      return replay(known, submitted, idempotencyKey);
    }
    IdempotencyKey claimed =
        new IdempotencyKey(
            submitted.channel(), idempotencyKey, submitted.fingerprint(), clock.instant());
    em.persist(claimed);
    em.flush(); // a concurrent first try under the same key waits here, then fails: see replay
    Complaint complaint = register(submitted);
    claimed.createdComplaint(complaint.id());
    return new Registration.Created(complaint);
  }

  /**
   * The result of the first submission under a key, for a concurrent try that lost the race to
   * claim it; empty while the winner has not committed.
   */
  public Optional<Registration> replay(NewComplaint submitted, String idempotencyKey) {
    return Optional.ofNullable(
            em.find(
                IdempotencyKey.class, new IdempotencyKey.Key(submitted.channel(), idempotencyKey)))
        .filter(known -> known.complaintId() != null)
        .map(known -> replay(known, submitted, idempotencyKey));
  }

  private Registration replay(IdempotencyKey known, NewComplaint submitted, String key) {
    if (!known.fingerprint().equals(submitted.fingerprint())) {
      throw new InvalidRequestException(
          "The Idempotency-Key '"
              + key
              + "' was used for a different submission from "
              + submitted.channel()
              + "; use a new key for a new complaint.");
    }
    return new Registration.Replayed(em.find(Complaint.class, known.complaintId()));
  }

  private Complaint register(NewComplaint submitted) {
    if (submitted.region() != null && regions.name(submitted.region()).isEmpty()) {
      throw new InvalidRequestException(
          "region " + submitted.region() + " is no province-level division (GB/T 2260).");
    }
    Instant now = clock.instant();
    Complaint complaint = Complaint.receive(submitted, now);
    complaint.keyLookups(PersonalDataKeys.current()::lookupHash);
    em.persist(complaint);
    complaint.issueNumber(bankZone);

    timeline.record(
        complaint.id(),
        CaseEventKind.REGISTERED,
        Timeline.SYSTEM,
        "受理登记 Registered from " + complaint.channel() + ".",
        true);
    // R-G1, R-G2: severity and category proposed by the rules, before any clock starts, so a
    // Red case runs on the Red deadlines from the first minute.
    Grade proposed =
        grading.propose(
            complaint.subject() + "\n" + complaint.description(),
            complaint
                .demand()
                .map(d -> d.amount() == null ? null : d.amount().amount())
                .orElse(null));
    complaint.grade(proposed);
    complaint.addCauseTags(proposed.causeTags());
    timeline.record(
        complaint.id(),
        CaseEventKind.GRADED,
        Timeline.SYSTEM,
        "Graded "
            + proposed.severity()
            + " / "
            + proposed.category()
            + (proposed.causeTags().isEmpty() ? "" : ", causes " + proposed.causeTags())
            + " ("
            + proposed.reason()
            + ").",
        false);
    if (complaint.taskForce()) {
      timeline.record(
          complaint.id(),
          CaseEventKind.TASK_FORCE_FORMED,
          Timeline.SYSTEM,
          "紧急投诉，已成立专项小组 Urgent: a task force handles this complaint.",
          true);
    }
    if (!submitted.evidence().isEmpty()) {
      evidence.registerListed(
          complaint,
          submitted.evidence(),
          complaint.receivedBy() == null
              ? "channel " + complaint.channel()
              : complaint.receivedBy());
    }
    // R-I7: registered within the policy's time of receipt; its clock stops at once, recording
    // whether that was met (a complaint received offline may be registered later).
    clocks.record(
        complaint.id(), complaint.severity(), SlaStage.REGISTRATION, complaint.receivedAt(), now);
    if (!complaint.runsCaseProcess()) {
      // R-I2: a suggestion or inquiry is stored, numbered, counted and acknowledged; no case.
      String label = complaint.feedbackType() == FeedbackType.SUGGESTION ? "建议" : "咨询";
      acknowledge(
          complaint,
          "您的"
              + label
              + "已登记，编号 "
              + complaint.number().value()
              + "。 Your "
              + complaint.feedbackType().name().toLowerCase(Locale.ROOT)
              + " is registered as "
              + complaint.number().value()
              + ".",
          now);
      registered.inc();
      return complaint;
    }
    // Beyond-rule: the regulator's clock: a decision within 15 calendar days of receipt.
    clocks.start(
        complaint.id(), complaint.severity(), SlaStage.REGULATOR_DECISION, complaint.receivedAt());
    // R-I7: the customer is to be contacted within the policy's time of receipt (a letter or a
    // counter complaint registered later has less of it left), and is told so at once, with the
    // number to quote, by the medium they chose.
    SlaClock contact =
        clocks.start(
            complaint.id(),
            complaint.severity(),
            SlaStage.CUSTOMER_CONTACT,
            complaint.receivedAt());
    String contactBy =
        contact.dueAt().isAfter(now)
            ? CustomerNotices.shown(contact.dueAt(), bankZone)
            : CustomerNotices.shown(now, bankZone) + " 后尽快 (as soon as possible)";
    acknowledge(
        complaint,
        "您的投诉已受理，编号 "
            + complaint.number().value()
            + "，我们将于 "
            + contactBy
            + " 前与您联系。 Your complaint is registered as "
            + complaint.number().value()
            + "; we will contact you by "
            + contactBy
            + ".",
        now);

    Department department = routing.responsibleFor(complaint);
    complaint.assignTo(department.code());
    // R-F1: the department starts investigating within the policy's time of assignment.
    SlaClock startInvestigation =
        clocks.start(complaint.id(), complaint.severity(), SlaStage.INVESTIGATION_START, now);
    WorkTask assignment =
        WorkTask.open(
            complaint, TaskKind.ASSIGNMENT, department.code(), now, startInvestigation.dueAt());
    timeline.record(
        complaint.id(),
        CaseEventKind.ASSIGNED,
        Timeline.SYSTEM,
        "分派至 Assigned to " + department.code().value() + ".",
        true);
    em.persist(assignment);
    outbox.enqueue(TaskMessages.outgoing(assignment, department));
    if (complaint.taskForce()) {
      nameOwner(complaint, department, Timeline.SYSTEM);
      formTaskForce(complaint, department, now, startInvestigation.dueAt(), Timeline.SYSTEM);
    }
    // R-X1: the same customer again on the same issue; past the count a supervisor leads, with
    // the responsible department and customer service.
    boolean escalatedRepeat =
        repeats
            .recognise(complaint, now, startInvestigation.dueAt())
            .filter(RepeatComplaints.Repeat::escalated)
            .isPresent();
    if (escalatedRepeat && !complaint.taskForce()) {
      formTaskForce(complaint, department, now, startInvestigation.dueAt(), Timeline.SYSTEM);
    }
    // R-X2: one of several customers raising a similar issue through this channel just now?
    mass.recognise(complaint, now);

    registered.inc();
    LOG.fine(
        () ->
            "Registered "
                + complaint.number()
                + " from "
                + complaint.channel()
                + " for "
                + department.code());
    return complaint;
  }

  /** R-P3: staff search, newest first, {@code size} per page. */
  public ComplaintPage search(ComplaintQuery query, int page, int size) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<Complaint> counted = count.from(Complaint.class);
    count.select(cb.count(counted)).where(matching(query, cb, counted));
    long total = em.createQuery(count).getSingleResult();

    CriteriaQuery<Complaint> select = cb.createQuery(Complaint.class);
    Root<Complaint> complaint = select.from(Complaint.class);
    select
        .where(matching(query, cb, complaint))
        .orderBy(cb.desc(complaint.get("receivedAt")), cb.desc(complaint.get("id")));
    // The listed complaints' collections are read in one query each for the whole page (IN
    // batches), not one query per complaint.
    List<Complaint> items =
        em.createQuery(select)
            .setHint("eclipselink.batch.type", "IN")
            .setHint("eclipselink.batch", "c.accounts")
            .setHint("eclipselink.batch", "c.staffInvolved")
            .setHint("eclipselink.batch", "c.productsInvolved")
            .setHint("eclipselink.batch", "c.causeTags")
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    return new ComplaintPage(items, page, size, total);
  }

  private static Predicate[] matching(
      ComplaintQuery query, CriteriaBuilder cb, Root<Complaint> complaint) {
    List<Predicate> where = new ArrayList<>();
    if (query.status() != null) {
      where.add(cb.equal(complaint.get("status"), query.status()));
    }
    if (query.severity() != null) {
      where.add(cb.equal(complaint.get("severity"), query.severity()));
    }
    if (query.category() != null) {
      where.add(cb.equal(complaint.get("category"), query.category()));
    }
    if (query.channel() != null) {
      where.add(cb.equal(complaint.get("channel"), query.channel()));
    }
    if (query.department() != null) {
      where.add(cb.equal(complaint.get("department"), query.department()));
    }
    if (query.receivedFrom() != null) {
      where.add(
          cb.greaterThanOrEqualTo(
              complaint.get("receivedAt"), query.receivedFrom().atOffset(ZoneOffset.UTC)));
    }
    if (query.receivedTo() != null) {
      where.add(
          cb.lessThan(complaint.get("receivedAt"), query.receivedTo().atOffset(ZoneOffset.UTC)));
    }
    if (query.customerMobile() != null) {
      where.add(
          cb.equal(
              complaint.get("customerMobileHash"),
              PersonalDataKeys.current().lookupHash(query.customerMobile())));
    }
    return where.toArray(Predicate[]::new);
  }

  /**
   * R-I7: an urgent case gets a named owner at once: the responsible department's duty owner. The
   * customer is told who is responsible.
   */
  public void nameOwner(Complaint complaint, Department department, String by) {
    department
        .dutyOwner()
        .filter(complaint::nameOwner)
        .ifPresent(
            owner ->
                timeline.record(
                    complaint.id(),
                    CaseEventKind.OWNER_NAMED,
                    by,
                    "负责人 " + owner + " The person responsible for this complaint: " + owner + ".",
                    true));
  }

  /**
   * R-G1, R-F1: an urgent case's task force: the configured departments join the lead, each asked
   * on its own queue to take part.
   */
  public void formTaskForce(
      Complaint complaint, Department lead, Instant now, Instant due, String by) {
    List<Department> members = routing.taskForceBesides(lead.code());
    complaint.formTaskForce(members.stream().map(Department::code).toList());
    for (Department member : members) {
      WorkTask join =
          WorkTask.open(
              complaint,
              TaskKind.CONSULTATION,
              member.code(),
              now,
              due,
              "紧急投诉专项小组成员，牵头部门 "
                  + lead.code().value()
                  + " Task force member of an urgent complaint led by "
                  + lead.code().value()
                  + ".");
      em.persist(join);
      outbox.enqueue(TaskMessages.outgoing(join, member));
    }
    timeline.record(
        complaint.id(),
        CaseEventKind.TASK_FORCE_FORMED,
        by,
        "Task force: lead "
            + lead.code().value()
            + (members.isEmpty()
                ? ""
                : ", with " + members.stream().map(d -> d.code().value()).toList())
            + ".",
        false);
  }

  /** R-I7: the acceptance notice, on the notifications queue and in the timeline. */
  private void acknowledge(Complaint complaint, String notice, Instant now) {
    outbox.enqueue(
        CustomerNotices.outgoing(CustomerNotices.Kind.ACCEPTANCE, complaint, notice, now));
    timeline.record(
        complaint.id(),
        CaseEventKind.ACCEPTANCE_NOTICE_SENT,
        Timeline.SYSTEM,
        "受理通知已发送 Acceptance notice sent by " + complaint.noticeBy() + ": " + notice,
        true);
  }

  public Complaint find(ComplaintNumber number) {
    return em.createQuery("select c from Complaint c where c.number = :number", Complaint.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new ComplaintNotFoundException(number.value()));
  }

  /** R-S1: the channel and department a complaint belongs to, for access checks. */
  public Optional<CaseOwnership> ownership(ComplaintNumber number) {
    return em.createQuery(
            "select new bank.complaints.intake.CaseOwnership(c.channel, c.department)"
                + " from Complaint c where c.number = :number",
            CaseOwnership.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  /** R-S1: the complaint's channel and the department a task was sent to. */
  public Optional<CaseOwnership> ownershipOfTask(String taskId) {
    return em.createQuery(
            "select new bank.complaints.intake.CaseOwnership(t.complaint.channel, t.department)"
                + " from WorkTask t where t.id = :id",
            CaseOwnership.class)
        .setParameter("id", taskId)
        .getResultStream()
        .findFirst();
  }

  /**
   * R-X1: the series of complaints one customer made on the issue this complaint belongs to, oldest
   * first (the first complaint, then each repeat).
   */
  public List<Complaint> series(ComplaintNumber number) {
    Complaint complaint = find(number);
    ComplaintNumber first = complaint.repeatOf().orElse(complaint.number());
    return em.createQuery(
            "select c from Complaint c where c.number = :first or c.repeatOf = :firstText"
                + " order by c.receivedAt, c.id",
            Complaint.class)
        .setParameter("first", first)
        .setParameter("firstText", first.value())
        .getResultList();
  }
}

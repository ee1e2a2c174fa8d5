package bank.complaints.intake;

import bank.complaints.audit.RequestTrace;
import bank.complaints.caseprocess.CaseStep;
import bank.complaints.caseprocess.CaseSteps;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.complaint.Channel;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.Customer;
import bank.complaints.complaint.FeedbackType;
import bank.complaints.complaint.PendingComplaints;
import bank.complaints.complaint.Regions;
import bank.complaints.department.Department;
import bank.complaints.evidence.EvidenceLocker;
import bank.complaints.grading.Grade;
import bank.complaints.grading.GradingRules;
import bank.complaints.insight.Incident;
import bank.complaints.insight.MassComplaints;
import bank.complaints.insight.Memberships;
import bank.complaints.insight.Memberships.Membership;
import bank.complaints.insight.RecognitionLocks;
import bank.complaints.insight.RepeatComplaints;
import bank.complaints.notification.CustomerNotices;
import bank.complaints.notification.Notice;
import bank.complaints.notification.NoticeTemplates;
import bank.complaints.outbox.Outbox;
import bank.complaints.platform.BankZone;
import bank.complaints.privacy.PersonalDataKeys;
import bank.complaints.routing.Routing;
import bank.complaints.routing.UrgentCases;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaClocks;
import bank.complaints.sla.SlaStage;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
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

  @Inject UrgentCases urgentCases;

  @Inject CaseSteps steps;

  @Inject NoticeTemplates notices;

  @Inject Outbox outbox;

  @Inject Clock clock;

  @Inject @BankZone ZoneId bankZone;

  @Inject SlaClocks clocks;

  @Inject Timeline timeline;

  @Inject GradingRules grading;

  @Inject EvidenceLocker evidence;

  @Inject RepeatComplaints repeats;

  @Inject Memberships memberships;

  @Inject PendingComplaints pending;

  @Inject RequestTrace trace;

  @Inject MassComplaints mass;

  @Inject RecognitionLocks locks;

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
    recognitionsAhead(List.of(submitted));
    return answer(registerOrFind(submitted, idempotencyKey, null));
  }

  /**
   * @param groupKeys null when it is its transaction's only submission: then its key is looked up
   *     alone and a concurrent first try under the same key is waited for at once; in a group, the
   *     group's keys asked for at once ({@link #knownKeys}), to which each key it claims is added,
   *     and a concurrent first try is waited for at the group's end
   */
  private Outcome registerOrFind(
      NewComplaint submitted,
      String idempotencyKey,
      Map<IdempotencyKey.Key, IdempotencyKey> groupKeys) {
    if (idempotencyKey == null) {
      return new Outcome(register(submitted), null);
    }
    IdempotencyKey.Key id = new IdempotencyKey.Key(submitted.channel(), idempotencyKey);
    IdempotencyKey known =
        groupKeys == null ? em.find(IdempotencyKey.class, id) : groupKeys.get(id);
    if (known != null) {
      return new Outcome(null, firstUnder(known, submitted, idempotencyKey));
    }
    IdempotencyKey claimed =
        new IdempotencyKey(
            submitted.channel(), idempotencyKey, submitted.fingerprint(), clock.instant());
    em.persist(claimed);
    if (groupKeys == null) {
      em.flush(); // a concurrent first try under the same key waits here, then fails: see replay
    } else {
      groupKeys.put(id, claimed); // a second submission of the group under it is its retry
    }
    Registration.Created created = register(submitted);
    claimed.createdComplaint(created.complaint().id());
    return new Outcome(created, null);
  }

  /**
   * A submission registered now, or a retry of one and the complaint its first try registered,
   * whose answer ({@link #answer}) is made once the transaction's rows are written.
   */
  private record Outcome(Registration.Created created, Complaint retried) {}

  /**
   * Issue 18: the keys a group's submissions were sent under that are known already, asked for in
   * one query instead of one per submission.
   */
  private Map<IdempotencyKey.Key, IdempotencyKey> knownKeys(List<GroupCommit.Submission> group) {
    Map<IdempotencyKey.Key, IdempotencyKey> known = new HashMap<>();
    List<String> keys =
        group.stream()
            .map(GroupCommit.Submission::idempotencyKey)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    if (keys.isEmpty()) {
      return known;
    }
    Set<Channel> channels =
        group.stream().map(s -> s.complaint().channel()).collect(Collectors.toSet());
    em.createQuery(
            "select k from IdempotencyKey k where k.channel in :channels and k.key in :keys",
            IdempotencyKey.class)
        .setParameter("channels", channels)
        .setParameter("keys", keys)
        .getResultList()
        .forEach(k -> known.put(k.id(), k)); // a pair nobody sent is there, never looked up
    return known;
  }

  /**
   * Registers several submissions in one transaction (group commit, {@link GroupCommit}): all of
   * them are stored or none; each is audited under its own request's principal and id. The caller's
   * own request trace is restored afterwards.
   *
   * <p>Their rows are written together at the end, one batch per table (ADR 0007), unless a
   * complaint's repeat or mass check must see an earlier one of the group ({@link
   * PendingComplaints}); a key another transaction claimed, or any refused row, fails the group
   * there and each submission is registered again alone.
   */
  public List<Registration> registerAll(List<GroupCommit.Submission> group) {
    recognitionsAhead(group.stream().map(GroupCommit.Submission::complaint).toList());
    Map<IdempotencyKey.Key, IdempotencyKey> keys = knownKeys(group);
    List<Outcome> outcomes = new ArrayList<>(group.size());
    for (GroupCommit.Submission submission : group) {
      try (RequestTrace.Scope as = trace.actFor(submission.requestId(), submission.principal())) {
        Outcome outcome = registerOrFind(submission.complaint(), submission.idempotencyKey(), keys);
        if (outcome.created() != null) {
          pending.add(outcome.created().complaint());
        }
        outcomes.add(outcome);
      }
    }
    em.flush();
    // Issue 18: nothing of the group changes after its rows are written. Left managed, each of its
    // objects was compared field by field with a copy at the commit (EclipseLink's deferred change
    // detection) and by each query's flush check below.
    em.clear();
    // A retry's answer reads what insight found about its complaint once the group is written: read
    // while registering, it wrote the group's rows so far, splitting their batches in two.
    return outcomes.stream().map(this::answer).toList();
  }

  /**
   * R-X1, R-X2: before the transaction's first write, the locks of all its submissions' repeat and
   * mass checks, and (issue 18) what those checks ask about asked for once: the customers' earlier
   * complaints, the similar complaints' customers and open incidents.
   */
  private void recognitionsAhead(List<NewComplaint> submitted) {
    List<String> recognitions = new ArrayList<>();
    submitted.forEach(s -> recognitions.addAll(recognitionLocks(s)));
    locks.hold(recognitions);
    Instant now = clock.instant();
    repeats.askAhead(
        submitted.stream()
            .filter(s -> s.feedbackType() == FeedbackType.COMPLAINT)
            .map(s -> Customer.recognisedBy(s.identity(), s.customerMobile()))
            .toList(),
        now);
    mass.askAhead(
        submitted.stream()
            .map(
                s ->
                    new MassComplaints.Submitted(
                        s.channel(), s.feedbackType(), s.productsInvolved()))
            .toList(),
        now);
  }

  /**
   * R-X1, R-X2: the locks the submission's repeat and mass checks hold ({@link RecognitionLocks}),
   * taken before the transaction's first write, all at once, so that two registering transactions
   * never wait for each other in a circle.
   */
  private List<String> recognitionLocks(NewComplaint submitted) {
    String customer = RepeatComplaints.lockOn(submitted.identity(), submitted.customerMobile());
    return mass.lockOn(submitted.channel(), submitted.feedbackType(), submitted.productsInvolved())
        .map(similar -> List.of(customer, similar))
        .orElse(List.of(customer));
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
        .map(known -> answer(new Outcome(null, firstUnder(known, submitted, idempotencyKey))));
  }

  /**
   * The complaint the first submission under the key registered.
   *
   * @throws InvalidRequestException when the key was used for a different submission
   */
  private Complaint firstUnder(IdempotencyKey known, NewComplaint submitted, String key) {
    if (!known.fingerprint().equals(submitted.fingerprint())) {
      throw new InvalidRequestException(
          "The Idempotency-Key '"
              + key
              + "' was used for a different submission from "
              + submitted.channel()
              + "; use a new key for a new complaint.");
    }
    return em.find(Complaint.class, known.complaintId());
  }

  /**
   * A submission's answer, once its transaction's rows are written: the complaint registered now,
   * or for a retry the first submission's complaint with what insight found about it.
   */
  private Registration answer(Outcome outcome) {
    return outcome.created() != null
        ? outcome.created()
        : new Registration.Replayed(outcome.retried(), memberships.of(outcome.retried()));
  }

  /**
   * R-S3, ADR 0009: one audited action, the channel's submission with the grading, notice,
   * assignment and recognitions it sets off; each of them stays a step of the timeline.
   */
  private Registration.Created register(NewComplaint submitted) {
    return timeline.asOneAction(() -> registerSteps(submitted));
  }

  private Registration.Created registerSteps(NewComplaint submitted) {
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
    mass.markSimilarity(complaint);
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
          Notice.ACCEPTANCE_FEEDBACK,
          Map.of("label", label, "type", complaint.feedbackType().name().toLowerCase(Locale.ROOT)),
          now);
      registered.inc();
      return new Registration.Created(
          complaint, new Membership(Optional.empty(), Optional.empty()));
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
    acknowledge(complaint, Notice.ACCEPTANCE, Map.of("contactBy", contactBy), now);

    Department department = routing.responsibleFor(complaint);
    steps.mayTake(CaseStep.ASSIGN, complaint);
    complaint.assignTo(department.code());
    // R-F1: the department starts investigating within the policy's time of assignment.
    SlaClock startInvestigation =
        steps.clocks(CaseStep.ASSIGN, complaint, now).started(SlaStage.INVESTIGATION_START);
    steps.record(
        CaseStep.ASSIGN,
        complaint,
        Timeline.SYSTEM,
        "分派至 Assigned to " + department.code().value() + ".",
        true);
    steps.task(CaseStep.ASSIGN, complaint, department, now, startInvestigation.dueAt(), null);
    if (complaint.taskForce()) {
      urgentCases.nameOwner(complaint, department, Timeline.SYSTEM);
      urgentCases.formTaskForce(
          complaint, department, now, startInvestigation.dueAt(), Timeline.SYSTEM);
    }
    // R-X1: the same customer again on the same issue; past the count a supervisor leads, with
    // the responsible department and customer service.
    Optional<RepeatComplaints.Repeat> repeat =
        repeats.recognise(complaint, now, startInvestigation.dueAt());
    boolean escalatedRepeat = repeat.filter(RepeatComplaints.Repeat::escalated).isPresent();
    if (escalatedRepeat && !complaint.taskForce()) {
      urgentCases.formTaskForce(
          complaint, department, now, startInvestigation.dueAt(), Timeline.SYSTEM);
    }
    // R-X2: one of several customers raising a similar issue through this channel just now?
    Optional<Incident> incident = mass.recognise(complaint, now);

    registered.inc();
    LOG.fine(
        () ->
            "Registered "
                + complaint.number()
                + " from "
                + complaint.channel()
                + " for "
                + department.code());
    return new Registration.Created(
        complaint,
        new Membership(repeat.map(RepeatComplaints.Repeat::link), incident.map(Incident::id)));
  }

  /** R-I7: the acceptance notice, on the notifications queue and in the timeline. */
  private void acknowledge(
      Complaint complaint, Notice wording, Map<String, String> values, Instant now) {
    String notice = notices.text(wording, complaint, values);
    outbox.enqueue(
        CustomerNotices.outgoing(CustomerNotices.Kind.ACCEPTANCE, complaint, notice, now));
    timeline.record(
        complaint.id(),
        CaseEventKind.ACCEPTANCE_NOTICE_SENT,
        Timeline.SYSTEM,
        "受理通知已发送 Acceptance notice sent by " + complaint.noticeBy() + ": " + notice,
        true);
  }
}

package bank.complaints.handling;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.ComplaintStatus;
import bank.complaints.complaint.Complaints;
import bank.complaints.department.Department;
import bank.complaints.department.DepartmentCode;
import bank.complaints.evidence.EvidenceItem;
import bank.complaints.evidence.EvidenceLocker;
import bank.complaints.evidence.NewEvidence;
import bank.complaints.evidence.UploadedFile;
import bank.complaints.grading.Category;
import bank.complaints.grading.CauseTag;
import bank.complaints.grading.Grade;
import bank.complaints.grading.Severity;
import bank.complaints.lifecycle.Approver;
import bank.complaints.lifecycle.RecusalGuard;
import bank.complaints.notification.CustomerNotices;
import bank.complaints.outbox.Outbox;
import bank.complaints.platform.BankZone;
import bank.complaints.routing.Routing;
import bank.complaints.routing.UrgentCases;
import bank.complaints.sla.Allowance;
import bank.complaints.sla.Measure;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaClocks;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.Dispatch;
import bank.complaints.tasks.TaskKind;
import bank.complaints.tasks.WorkTask;
import bank.complaints.timeline.CaseEvent;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The handling steps staff take on a case, each in one transaction with its clocks and timeline
 * entry: contacting the customer (R-I7), starting the investigation (R-F1), pausing a clock while
 * waiting for the customer or an appraisal, and extending a deadline with a recorded approval
 * (R-F2), of which the customer is told.
 */
@Stateless
public class CaseHandling {

  @Inject Complaints complaints;

  @Inject UrgentCases urgentCases;

  @Inject Dispatch dispatch;

  @Inject EvidenceLocker evidenceLocker;

  @Inject Routing routing;

  @Inject RecusalGuard recusal;

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject SlaClocks clocks;

  @Inject Timeline timeline;

  @Inject Outbox outbox;

  @Inject Clock clock;

  @Inject @BankZone ZoneId bankZone;

  /**
   * Beyond-rule: how far the regulator's 15 days may be extended for a complex case without a
   * senior approver (to 30 days); a further extension needs one of the senior roles.
   */
  @Inject
  @ConfigProperty(name = "complaints.regulator.extension-without-senior")
  String extensionWithoutSenior;

  @Inject
  @ConfigProperty(name = "complaints.regulator.senior-roles")
  Set<String> seniorRoles;

  /** R-I7: the customer was contacted to confirm receipt; the contact clock stops. */
  public Complaint customerContacted(ComplaintNumber number, String by, String note) {
    Complaint complaint = complaints.find(number);
    Instant now = clock.instant();
    complaint.customerContacted(now);
    clocks.stop(complaint.id(), SlaStage.CUSTOMER_CONTACT, now);
    timeline.record(
        complaint.id(),
        CaseEventKind.CUSTOMER_CONTACTED,
        by,
        "已联系客户确认受理 Customer contacted to confirm receipt." + suffix(note),
        true);
    return complaint;
  }

  /** R-F1, R-F2: the department starts investigating; the investigation clocks start. */
  public Complaint startInvestigation(ComplaintNumber number, String by, String plan) {
    Complaint complaint = complaints.find(number);
    Instant now = clock.instant();
    complaint.startInvestigation();
    clocks.stop(complaint.id(), SlaStage.INVESTIGATION_START, now);
    clocks.start(
        complaint.id(), complaint.severity(), complaint.complex(), SlaStage.FIRST_FINDINGS, now);
    clocks.start(complaint.id(), complaint.severity(), SlaStage.INVESTIGATION, now);
    timeline.record(
        complaint.id(),
        CaseEventKind.INVESTIGATION_STARTED,
        by,
        "调查开始 Investigation started.",
        true);
    timeline.record(
        complaint.id(), CaseEventKind.INVESTIGATION_STARTED, by, "Plan: " + plan, false);
    return complaint;
  }

  public SlaClock pause(
      ComplaintNumber number, SlaStage stage, PauseReason reason, String by, String note) {
    Complaint complaint = complaints.find(number);
    SlaClock paused = clocks.pause(complaint.id(), stage, clock.instant());
    timeline.record(
        complaint.id(),
        CaseEventKind.CLOCK_PAUSED,
        by,
        stage + " clock paused: " + reason + suffix(note),
        reason == PauseReason.AWAITING_CUSTOMER_INFORMATION);
    return paused;
  }

  public SlaClock resume(ComplaintNumber number, SlaStage stage, String by) {
    Complaint complaint = complaints.find(number);
    SlaClock resumed = clocks.resume(complaint.id(), complaint.severity(), stage, clock.instant());
    timeline.record(
        complaint.id(),
        CaseEventKind.CLOCK_RESUMED,
        by,
        stage + " clock resumed; due " + resumed.dueAt() + ".",
        false);
    return resumed;
  }

  /**
   * R-F2: an approved extension moves the deadline, and the customer is told the new date. The
   * regulator's clock (beyond-rule) is extended only for a complex case, and past the first
   * extension (to 30 days) only by a senior approver.
   *
   * @param approverRoles the roles the approver signed in with
   */
  public SlaClock extend(
      ComplaintNumber number,
      SlaStage stage,
      Allowance extra,
      String approvedBy,
      Set<String> approverRoles,
      String reason) {
    Complaint complaint = complaints.find(number);
    Instant now = clock.instant();
    if (stage == SlaStage.REGULATOR_DECISION) {
      regulatorMayExtend(complaint, extra, approverRoles);
    }
    SlaClock extended = clocks.extend(complaint.id(), complaint.severity(), stage, extra, now);
    String newDate = CustomerNotices.shown(extended.dueAt(), bankZone);
    timeline.record(
        complaint.id(),
        CaseEventKind.DEADLINE_EXTENDED,
        approvedBy,
        stage
            + " deadline extended by "
            + extra
            + ", approved by "
            + approvedBy
            + " as "
            + String.join("/", new java.util.TreeSet<>(approverRoles))
            + ": "
            + reason,
        false);
    String text =
        "您的投诉 "
            + complaint.number().value()
            + " 处理期限延长至 "
            + newDate
            + "。 The handling of your complaint is extended to "
            + newDate
            + ".";
    timeline.record(complaint.id(), CaseEventKind.DEADLINE_EXTENDED, Timeline.SYSTEM, text, true);
    outbox.enqueue(
        CustomerNotices.outgoing(CustomerNotices.Kind.DEADLINE_EXTENDED, complaint, text, now));
    return extended;
  }

  private void regulatorMayExtend(Complaint complaint, Allowance extra, Set<String> approverRoles) {
    if (!complaint.complex()) {
      throw new RuleViolationException(
          "The regulator's 15 days are extended only for a case found complex; mark "
              + complaint.number().value()
              + " complex first.");
    }
    SlaClock regulator =
        clocks
            .activeClock(complaint.id(), SlaStage.REGULATOR_DECISION)
            .orElseThrow(
                () ->
                    new RuleViolationException(
                        "The decision has reached the customer: the regulator's clock stopped."));
    Duration withoutSenior =
        Allowance.parse(extensionWithoutSenior).in(Measure.CALENDAR_TIME, null);
    Duration after = regulator.extended().plus(extra.in(Measure.CALENDAR_TIME, null));
    if (after.compareTo(withoutSenior) > 0
        && approverRoles.stream().noneMatch(seniorRoles::contains)) {
      throw new RuleViolationException(
          "Extending the regulator's deadline beyond "
              + extensionWithoutSenior
              + " needs a senior approver ("
              + String.join(", ", new java.util.TreeSet<>(seniorRoles))
              + ").");
    }
  }

  /**
   * R-I7, R-F2: a supervisor or department head finds the case complex, with a reason: it gets a
   * named owner, its first findings are due in 4 working days instead of 2, and the overall clock
   * (a solution within a week of receipt) starts.
   */
  public Complaint markComplex(ComplaintNumber number, String reason, String by) {
    Complaint complaint = complaints.find(number);
    em.lock(complaint, LockModeType.PESSIMISTIC_WRITE);
    if (!complaint.markComplex(reason)) {
      return complaint;
    }
    Instant now = clock.instant();
    List<SlaClock> moved = clocks.allowComplex(complaint.id(), complaint.severity());
    SlaClock overall =
        clocks.start(
            complaint.id(),
            complaint.severity(),
            true,
            SlaStage.CASE_RESOLUTION,
            complaint.receivedAt());
    timeline.record(
        complaint.id(),
        CaseEventKind.FOUND_COMPLEX,
        by,
        "Found complex: "
            + reason
            + "; a solution is due by "
            + CustomerNotices.shown(overall.dueAt(), bankZone)
            + SlaClocks.retimed(moved, bankZone),
        false);
    if (complaint.department() != null) {
      urgentCases.nameOwner(complaint, em.find(Department.class, complaint.department()), by);
    }
    return complaint;
  }

  /**
   * R-F2: the first findings reach the customer, with the expected final date (the investigation's
   * deadline unless the handler names an earlier one); the first-findings clock stops.
   */
  public Complaint firstFindings(
      ComplaintNumber number, String findings, Instant expectedBy, String by) {
    Complaint complaint = complaints.find(number);
    em.lock(complaint, LockModeType.PESSIMISTIC_WRITE);
    if (complaint.status() != ComplaintStatus.INVESTIGATING) {
      throw new RuleViolationException(
          "First findings are told during the investigation; "
              + number.value()
              + " is "
              + complaint.status()
              + ".");
    }
    Instant now = clock.instant();
    SlaClock told =
        clocks
            .stop(complaint.id(), SlaStage.FIRST_FINDINGS, now)
            .orElseThrow(
                () ->
                    new RuleViolationException(
                        "The first findings of " + number.value() + " have already been told."));
    Instant investigationDue =
        clocks
            .activeClock(complaint.id(), SlaStage.INVESTIGATION)
            .map(SlaClock::dueAt)
            .orElse(told.dueAt());
    Instant finalDate = expectedBy == null ? investigationDue : expectedBy;
    if (!finalDate.isAfter(now)) {
      throw new InvalidRequestException("expectedBy must lie in the future.");
    }
    String shown = CustomerNotices.shown(finalDate, bankZone);
    String text =
        "您的投诉 "
            + complaint.number().value()
            + " 初步调查结果："
            + findings
            + " 预计于 "
            + shown
            + " 前给出最终处理结果。 First findings: "
            + findings
            + " The final result is expected by "
            + shown
            + ".";
    outbox.enqueue(
        CustomerNotices.outgoing(CustomerNotices.Kind.FIRST_FINDINGS, complaint, text, now));
    timeline.record(complaint.id(), CaseEventKind.FIRST_FINDINGS_TOLD, by, text, true);
    return complaint;
  }

  /**
   * R-G1, R-G2: staff regrade or reclassify with a reason, recorded in the timeline. Running clocks
   * take the new severity's deadlines where those are earlier (never later than promised); the ones
   * started from now on follow the new severity.
   */
  public Complaint regrade(
      ComplaintNumber number, Severity severity, Category category, String by, String reason) {
    Complaint complaint = complaints.find(number);
    String before = complaint.severity() + " / " + complaint.category();
    boolean hadTaskForce = complaint.taskForce();
    complaint.grade(new Grade(severity, category, reason));
    List<SlaClock> retimed = clocks.retime(complaint.id(), severity, complaint.complex());
    timeline.record(
        complaint.id(),
        CaseEventKind.REGRADED,
        by,
        "Regraded from "
            + before
            + " to "
            + severity
            + " / "
            + category
            + ": "
            + reason
            + SlaClocks.retimed(retimed, bankZone),
        false);
    if (complaint.taskForce() && !hadTaskForce) {
      timeline.record(
          complaint.id(),
          CaseEventKind.TASK_FORCE_FORMED,
          by,
          "紧急投诉，已成立专项小组 Urgent: a task force handles this complaint.",
          true);
      if (complaint.department() != null) {
        Department lead = em.find(Department.class, complaint.department());
        urgentCases.nameOwner(complaint, lead, by);
        Instant now = clock.instant();
        urgentCases.formTaskForce(complaint, lead, now, nextDue(complaint, now), by);
      }
    }
    return complaint;
  }

  /**
   * R-F1: another department takes the case over, with a reason: the open assignment is withdrawn
   * and the new department gets its own on its queue.
   */
  public Complaint reassign(ComplaintNumber number, DepartmentCode to, String reason, String by) {
    Complaint complaint = complaints.find(number);
    em.lock(complaint, LockModeType.PESSIMISTIC_WRITE);
    Department target = routing.department(to);
    DepartmentCode from = complaint.department();
    complaint.reassignTo(to);
    Instant now = clock.instant();
    em.createQuery(
            "select t from WorkTask t where t.complaint = :c and t.kind = :kind"
                + " and t.status = :open",
            WorkTask.class)
        .setParameter("c", complaint)
        .setParameter("kind", TaskKind.ASSIGNMENT)
        .setParameter("open", WorkTask.Status.OPEN)
        .getResultList()
        .forEach(t -> t.cancel(now));
    Instant due = nextDue(complaint, now);
    dispatch.open(
        complaint,
        TaskKind.ASSIGNMENT,
        target,
        now,
        due,
        "转办 Reassigned from " + (from == null ? "-" : from.value()) + ": " + reason);
    timeline.record(
        complaint.id(),
        CaseEventKind.REASSIGNED,
        by,
        "转办 Reassigned from " + (from == null ? "-" : from.value()) + " to " + to.value() + ".",
        true);
    timeline.record(complaint.id(), CaseEventKind.REASSIGNED, by, "Reason: " + reason, false);
    return complaint;
  }

  /**
   * R-F2: asks another department (product, risk, legal…) for its opinion during the investigation:
   * a CONSULTATION task on its queue; its answer comes back as the task's result.
   */
  public WorkTask consult(
      ComplaintNumber number, DepartmentCode department, String question, String by) {
    Complaint complaint = complaints.find(number);
    if (complaint.status() != ComplaintStatus.INVESTIGATING) {
      throw new RuleViolationException(
          "Complaint "
              + number.value()
              + " is "
              + complaint.status()
              + "; departments are consulted during the investigation.");
    }
    Department consulted = routing.department(department);
    Instant now = clock.instant();
    WorkTask task =
        dispatch.open(
            complaint, TaskKind.CONSULTATION, consulted, now, nextDue(complaint, now), question);
    timeline.record(
        complaint.id(),
        CaseEventKind.CONSULTATION_REQUESTED,
        by,
        "Opinion asked of " + department.value() + ": " + question,
        false);
    return task;
  }

  /**
   * A new task is due when the case's nearest running deadline is; with none running, by the
   * customer-contact allowance of the case's severity from now.
   */
  private Instant nextDue(Complaint complaint, Instant now) {
    return clocks.of(complaint.id()).stream()
        .filter(c -> c.state() == SlaClock.State.RUNNING)
        .map(SlaClock::dueAt)
        .min(Comparator.naturalOrder())
        .orElseGet(() -> clocks.preview(complaint.severity(), SlaStage.INVESTIGATION_START, now));
  }

  /**
   * R-P2: names the person handling the case. Someone the complaint names (or, for a sensitive
   * case, from the unit it names) is refused, and the refusal is on record.
   */
  public Complaint nameHandler(ComplaintNumber number, Approver handler, String by) {
    Complaint complaint = complaints.find(number);
    recusal.admit(complaint, handler, "handler", by);
    em.lock(complaint, LockModeType.PESSIMISTIC_WRITE);
    complaint.nameHandler(handler.name(), handler.employeeId());
    timeline.record(
        complaint.id(),
        CaseEventKind.HANDLER_NAMED,
        by,
        "Handler: " + handler.name() + " (" + handler.employeeId() + ").",
        false);
    return complaint;
  }

  /** R-G3: staff set the cause tags (replacing those proposed at intake), with a reason. */
  public Complaint tagCauses(ComplaintNumber number, Set<CauseTag> tags, String by, String reason) {
    Complaint complaint = complaints.find(number);
    Set<CauseTag> before = complaint.causeTags();
    if (complaint.tagCauses(tags)) {
      timeline.record(
          complaint.id(),
          CaseEventKind.CAUSES_TAGGED,
          by,
          "Cause tags " + before + " → " + complaint.causeTags() + ": " + reason,
          false);
    }
    return complaint;
  }

  /**
   * R-I5: registers an evidence item on the case: an uploaded file (its SHA-256 recorded), an
   * external link, or an item listed to follow.
   */
  public EvidenceItem addEvidence(
      ComplaintNumber number, NewEvidence evidence, UploadedFile file, String by) {
    return evidenceLocker.register(complaints.find(number), evidence, file, by);
  }

  public List<EvidenceItem> evidence(ComplaintNumber number) {
    return evidenceLocker.of(complaints.find(number));
  }

  /** An item and its bytes. */
  public record EvidenceFile(EvidenceItem item, byte[] content) {}

  public EvidenceFile evidenceFile(ComplaintNumber number, int item) {
    EvidenceItem found = evidenceLocker.item(complaints.find(number), item);
    return new EvidenceFile(found, evidenceLocker.content(found));
  }

  /** R-I5: the chain of evidence checked: every uploaded file against its recorded SHA-256. */
  public List<EvidenceLocker.Check> verifyEvidence(ComplaintNumber number) {
    return evidenceLocker.verify(complaints.find(number));
  }

  /**
   * R-P3: what the customer's channel may see: the case, the next deadline of a running clock, and
   * the customer-visible timeline (no internal notes).
   */
  public Progress progress(ComplaintNumber number) {
    Complaint complaint = complaints.find(number);
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
    return new Progress(complaint, nextDeadline, decisionDueBy, timeline.of(complaint.id(), true));
  }

  /** A case's progress as its customer may see it. */
  public record Progress(
      Complaint complaint,
      Optional<Instant> nextDeadline,
      Optional<Instant> decisionDueBy,
      List<CaseEvent> timeline) {}

  public List<SlaClock> clocks(ComplaintNumber number) {
    return clocks.of(complaints.find(number).id());
  }

  private static String suffix(String note) {
    return note == null || note.isBlank() ? "" : " " + note.strip();
  }
}

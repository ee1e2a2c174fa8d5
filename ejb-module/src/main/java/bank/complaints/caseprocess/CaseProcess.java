package bank.complaints.caseprocess;

import static bank.complaints.caseprocess.CaseStep.ARCHIVE;
import static bank.complaints.caseprocess.CaseStep.CONSULT;
import static bank.complaints.caseprocess.CaseStep.CONTACT_CUSTOMER;
import static bank.complaints.caseprocess.CaseStep.CUSTOMER_ACCEPTS;
import static bank.complaints.caseprocess.CaseStep.CUSTOMER_OBJECTS;
import static bank.complaints.caseprocess.CaseStep.MARK_COMPLEX;
import static bank.complaints.caseprocess.CaseStep.NAME_HANDLER;
import static bank.complaints.caseprocess.CaseStep.NOTIFY_RESULT;
import static bank.complaints.caseprocess.CaseStep.PROPOSE_RESOLUTION;
import static bank.complaints.caseprocess.CaseStep.REASSIGN;
import static bank.complaints.caseprocess.CaseStep.REFER_OUTSIDE;
import static bank.complaints.caseprocess.CaseStep.REGRADE;
import static bank.complaints.caseprocess.CaseStep.REJECT_RESOLUTION;
import static bank.complaints.caseprocess.CaseStep.START_INVESTIGATION;
import static bank.complaints.caseprocess.CaseStep.TAG_CAUSES;
import static bank.complaints.caseprocess.CaseStep.TELL_FIRST_FINDINGS;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.Money;
import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.Complaints;
import bank.complaints.complaint.ResultMedium;
import bank.complaints.department.Department;
import bank.complaints.department.DepartmentCode;
import bank.complaints.department.DepartmentRole;
import bank.complaints.department.Departments;
import bank.complaints.grading.Category;
import bank.complaints.grading.CauseTag;
import bank.complaints.grading.Grade;
import bank.complaints.grading.Severity;
import bank.complaints.notification.CustomerNotices;
import bank.complaints.notification.Notice;
import bank.complaints.platform.BankZone;
import bank.complaints.routing.UrgentCases;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaClocks;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.TaskKind;
import bank.complaints.tasks.WorkTask;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The steps staff take on a case, from the department's first contact with the customer to the
 * archive, each one transaction: the case row is locked first (one policy for every step), the step
 * is refused unless the table ({@link CaseStep}) allows it in the case's state, and its clocks,
 * timeline entry, notice and task follow the table. A department's result moves a case on through
 * {@link TaskResults}; deadlines are paused and extended through {@link CaseClocks}.
 */
@Stateless
public class CaseProcess {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject Complaints complaints;

  @Inject CaseSteps steps;

  @Inject Departments departments;

  @Inject UrgentCases urgentCases;

  @Inject RecusalGuard recusal;

  @Inject SlaClocks clocks;

  @Inject Timeline timeline;

  @Inject CaseFiles files;

  @Inject Clock clock;

  @Inject @BankZone ZoneId bankZone;

  @Inject
  @ConfigProperty(name = "complaints.approval.department-head-below")
  BigDecimal departmentHeadBelow;

  @Inject
  @ConfigProperty(name = "complaints.approval.branch-vice-president-up-to")
  BigDecimal branchVicePresidentUpTo;

  /** R-I7: the customer was contacted to confirm receipt; the contact clock stops. */
  public Complaint customerContacted(ComplaintNumber number, String by, String note) {
    Complaint complaint = complaints.locked(number);
    steps.mayTake(CONTACT_CUSTOMER, complaint);
    Instant now = clock.instant();
    complaint.customerContacted(now);
    steps.clocks(CONTACT_CUSTOMER, complaint, now);
    steps.record(
        CONTACT_CUSTOMER,
        complaint,
        by,
        "已联系客户确认受理 Customer contacted to confirm receipt." + suffix(note),
        true);
    return complaint;
  }

  /** R-F1, R-F2: the department starts investigating; the investigation clocks start. */
  public Complaint startInvestigation(ComplaintNumber number, String by, String plan) {
    Complaint complaint = complaints.locked(number);
    steps.mayTake(START_INVESTIGATION, complaint);
    Instant now = clock.instant();
    complaint.startInvestigation();
    steps.clocks(START_INVESTIGATION, complaint, now);
    steps.record(START_INVESTIGATION, complaint, by, "调查开始 Investigation started.", true);
    steps.record(START_INVESTIGATION, complaint, by, "Plan: " + plan, false);
    return complaint;
  }

  /**
   * R-I7, R-F2: a supervisor or department head finds the case complex, with a reason: it gets a
   * named owner, its first findings are due in 4 working days instead of 2, and the overall clock
   * (a solution within a week of receipt) starts. Found complex twice changes nothing.
   */
  public Complaint markComplex(ComplaintNumber number, String reason, String by) {
    Complaint complaint = complaints.locked(number);
    if (complaint.complex()) {
      return complaint;
    }
    steps.mayTake(MARK_COMPLEX, complaint);
    complaint.markComplex(reason);
    Instant now = clock.instant();
    List<SlaClock> moved = clocks.allowComplex(complaint.id(), complaint.severity());
    SlaClock overall =
        steps
            .clocks(MARK_COMPLEX, complaint, now, complaint.receivedAt())
            .started(SlaStage.CASE_RESOLUTION);
    steps.record(
        MARK_COMPLEX,
        complaint,
        by,
        "Found complex: "
            + reason
            + "; a solution is due by "
            + CustomerNotices.shown(overall.dueAt(), bankZone)
            + SlaClocks.retimed(moved, bankZone),
        false);
    if (complaint.department() != null) {
      urgentCases.nameOwner(complaint, departments.find(complaint.department()), by);
    }
    return complaint;
  }

  /**
   * R-F2: the first findings reach the customer, with the expected final date (the investigation's
   * deadline unless the handler names an earlier one); the first-findings clock stops.
   */
  public Complaint firstFindings(
      ComplaintNumber number, String findings, Instant expectedBy, String by) {
    Complaint complaint = complaints.locked(number);
    steps.mayTake(TELL_FIRST_FINDINGS, complaint);
    Instant now = clock.instant();
    SlaClock told =
        steps
            .clocks(TELL_FIRST_FINDINGS, complaint, now)
            .stopped(SlaStage.FIRST_FINDINGS)
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
    String text =
        steps.tell(
            TELL_FIRST_FINDINGS,
            Notice.FIRST_FINDINGS,
            complaint,
            now,
            Map.of("findings", findings, "expectedBy", CustomerNotices.shown(finalDate, bankZone)));
    steps.record(TELL_FIRST_FINDINGS, complaint, by, text, true);
    return complaint;
  }

  /**
   * R-G1, R-G2: staff regrade or reclassify with a reason, recorded in the timeline. Running clocks
   * take the new severity's deadlines where those are earlier (never later than promised); the ones
   * started from now on follow the new severity.
   */
  public Complaint regrade(
      ComplaintNumber number, Severity severity, Category category, String by, String reason) {
    Complaint complaint = complaints.locked(number);
    steps.mayTake(REGRADE, complaint);
    String before = complaint.severity() + " / " + complaint.category();
    boolean hadTaskForce = complaint.taskForce();
    complaint.grade(new Grade(severity, category, reason));
    List<SlaClock> retimed = clocks.retime(complaint.id(), severity, complaint.complex());
    steps.record(
        REGRADE,
        complaint,
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
        Department lead = departments.find(complaint.department());
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
    Complaint complaint = complaints.locked(number);
    Department target = departments.find(to);
    steps.mayTake(REASSIGN, complaint);
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
    String fromShown = from == null ? "-" : from.value();
    steps.task(
        REASSIGN,
        complaint,
        target,
        now,
        nextDue(complaint, now),
        "转办 Reassigned from " + fromShown + ": " + reason);
    steps.record(
        REASSIGN,
        complaint,
        by,
        "转办 Reassigned from " + fromShown + " to " + to.value() + ".",
        true);
    steps.record(REASSIGN, complaint, by, "Reason: " + reason, false);
    return complaint;
  }

  /**
   * R-F2: asks another department (product, risk, legal…) for its opinion during the investigation:
   * a CONSULTATION task on its queue; its answer comes back as the task's result.
   */
  public WorkTask consult(
      ComplaintNumber number, DepartmentCode department, String question, String by) {
    Complaint complaint = complaints.locked(number);
    steps.mayTake(CONSULT, complaint);
    Department consulted = departments.find(department);
    Instant now = clock.instant();
    WorkTask task =
        steps.task(CONSULT, complaint, consulted, now, nextDue(complaint, now), question);
    steps.record(
        CONSULT, complaint, by, "Opinion asked of " + department.value() + ": " + question, false);
    return task;
  }

  /**
   * R-P2: names the person handling the case. Someone the complaint names (or, for a sensitive
   * case, from the unit it names) is refused, and the refusal is on record.
   */
  public Complaint nameHandler(ComplaintNumber number, Approver handler, String by) {
    // Checked before the case row is locked: the refusal is written in a transaction of its own,
    // whose reference to the case must not wait for this transaction's lock.
    Complaint complaint = complaints.find(number);
    recusal.admit(complaint, handler, "handler", by);
    complaints.lock(complaint);
    steps.mayTake(NAME_HANDLER, complaint);
    complaint.nameHandler(handler.name(), handler.employeeId());
    steps.record(
        NAME_HANDLER,
        complaint,
        by,
        "Handler: " + handler.name() + " (" + handler.employeeId() + ").",
        false);
    return complaint;
  }

  /** R-G3: staff set the cause tags (replacing those proposed at intake), with a reason. */
  public Complaint tagCauses(ComplaintNumber number, Set<CauseTag> tags, String by, String reason) {
    Complaint complaint = complaints.locked(number);
    steps.mayTake(TAG_CAUSES, complaint);
    Set<CauseTag> before = complaint.causeTags();
    if (complaint.tagCauses(tags)) {
      steps.record(
          TAG_CAUSES,
          complaint,
          by,
          "Cause tags " + before + " → " + complaint.causeTags() + ": " + reason,
          false);
    }
    return complaint;
  }

  /** R-F3, R-F4: the investigation proposes a resolution; its approval chain is fixed now. */
  public Resolution propose(
      ComplaintNumber number, ResolutionProposal proposal, Approver proposer) {
    Complaint complaint = complaints.locked(number);
    steps.mayTake(PROPOSE_RESOLUTION, complaint);
    Instant now = clock.instant();
    complaint.proposeResolution();
    List<ApproverRole> chain =
        new ApprovalTier(departmentHeadBelow, branchVicePresidentUpTo).forAmount(proposal.amount());
    Resolution resolution =
        Resolution.propose(
            complaint.id(),
            proposal.type(),
            proposal.amount(),
            proposal.conclusion(),
            proposal.ruleReliedOn(),
            proposal.howCarriedOut(),
            proposer,
            now,
            chain);
    em.persist(resolution);
    steps.clocks(PROPOSE_RESOLUTION, complaint, now);
    steps.record(
        PROPOSE_RESOLUTION,
        complaint,
        resolution.proposedBy(),
        "Proposed "
            + proposal.type()
            + (proposal.amount() == null ? "" : " of " + proposal.amount().shown())
            + "; approval by "
            + chain
            + ".",
        false);
    return resolution;
  }

  /**
   * R-F4, R-P2: one approver's decision. Someone named in the complaint (or, for a sensitive one,
   * from the unit it names) is refused, and the refusal is on record. The last approval tells the
   * customer the result (R-F5) and starts the three working days to answer (R-F6); a rejection
   * sends the case back to investigation.
   */
  public Resolution decide(
      ComplaintNumber number,
      ApproverRole role,
      Approver approver,
      boolean approve,
      String reason) {
    // Checked before the case row is locked: the refusal is written in a transaction of its own,
    // whose reference to the case must not wait for this transaction's lock.
    Complaint complaint = complaints.find(number);
    recusal.admit(complaint, approver, role.name(), approver.employeeId());
    complaints.lock(complaint);
    Resolution resolution = files.pending(complaint);
    Instant now = clock.instant();
    resolution.decide(role, approver, approve, reason, now);
    String who = role + " " + approver.signature();
    if (!approve) {
      steps.mayTake(REJECT_RESOLUTION, complaint);
      complaint.resolutionRejected();
      steps.clocks(REJECT_RESOLUTION, complaint, now);
      steps.record(
          REJECT_RESOLUTION,
          complaint,
          approver.employeeId(),
          who + " sent the proposal back: " + reason,
          false);
      return resolution;
    }
    steps.record(
        CaseStep.APPROVE_RESOLUTION,
        complaint,
        approver.employeeId(),
        who + " approved: " + reason,
        false);
    if (resolution.status() == Resolution.Status.APPROVED) {
      notifyResult(complaint, resolution, now);
    }
    return resolution;
  }

  /**
   * R-F5: the decision reaches the customer by the result's medium; a call or a visit is a task for
   * the department that tells results by staff.
   */
  private void notifyResult(Complaint complaint, Resolution resolution, Instant now) {
    steps.mayTake(NOTIFY_RESULT, complaint);
    complaint.resultNotified();
    SlaClock answer = steps.clocks(NOTIFY_RESULT, complaint, now).started(SlaStage.CUSTOMER_ANSWER);
    String answerBy = CustomerNotices.shown(answer.dueAt(), bankZone);
    Map<String, String> result =
        Map.of(
            "conclusion", resolution.conclusion(),
            "ruleReliedOn", resolution.ruleReliedOn(),
            "amount", resolution.amount().map(Money::shown).orElse("无 none"),
            "howCarriedOut", resolution.howCarriedOut(),
            "answerBy", answerBy);
    ResultMedium medium = complaint.resultBy();
    if (medium.byStaff()) {
      Department tells = departments.playing(DepartmentRole.RESULT_NOTICE);
      String text = steps.wording(Notice.RESULT, complaint, result);
      steps.task(
          NOTIFY_RESULT,
          complaint,
          tells,
          now,
          answer.dueAt(),
          "R-F5 tell the customer the result by " + medium + ": " + text);
      steps.record(
          NOTIFY_RESULT,
          complaint,
          Timeline.SYSTEM,
          "Result to be told by " + medium + " (" + tells.code().value() + "): " + text,
          true);
    } else {
      String text =
          steps.tell(NOTIFY_RESULT, Notice.RESULT, complaint, medium.asNotice(), now, result);
      steps.record(NOTIFY_RESULT, complaint, Timeline.SYSTEM, text, true);
    }
  }

  /**
   * R-F6: the customer accepts (the department is asked to carry it out, R-F7) or objects (the case
   * is reopened and goes up the escalation path at once).
   */
  public Complaint customerAnswered(
      ComplaintNumber number, boolean accepted, String reason, String recordedBy) {
    Complaint complaint = complaints.locked(number);
    Instant now = clock.instant();
    if (accepted) {
      steps.mayTake(CUSTOMER_ACCEPTS, complaint);
      complaint.customerAccepted();
      SlaClock execution =
          steps.clocks(CUSTOMER_ACCEPTS, complaint, now).started(SlaStage.EXECUTION);
      steps.record(
          CUSTOMER_ACCEPTS,
          complaint,
          recordedBy,
          "客户接受处理结果 The customer accepted the result." + (reason == null ? "" : " " + reason),
          true);
      Resolution approved = files.latest(complaint);
      steps.task(
          CUSTOMER_ACCEPTS,
          complaint,
          departments.find(complaint.department()),
          now,
          execution.dueAt(),
          approved.type()
              + approved.amount().map(a -> " " + a.shown()).orElse("")
              + ": "
              + approved.howCarriedOut());
      timeline.record(
          complaint.id(),
          CaseEventKind.EXECUTION_REQUESTED,
          Timeline.SYSTEM,
          "Execution asked of " + complaint.department().value() + ".",
          false);
      return complaint;
    }
    if (reason == null) {
      throw new InvalidRequestException("An objection records the customer's reason (R-P4).");
    }
    steps.mayTake(CUSTOMER_OBJECTS, complaint);
    steps.reopen(
        CUSTOMER_OBJECTS,
        complaint,
        "CUSTOMER_OBJECTION",
        SlaStage.CUSTOMER_ANSWER,
        recordedBy,
        "客户对处理结果有异议 The customer objected: " + reason,
        now);
    return complaint;
  }

  /**
   * R-X3: beyond the bank's remit: the customer is told clearly, offered the lawful routes, and
   * their choice is recorded.
   */
  public Complaint referOutside(
      ComplaintNumber number,
      List<ReferralRoute> offered,
      ReferralRoute chosen,
      String why,
      String by) {
    Complaint complaint = complaints.locked(number);
    steps.mayTake(REFER_OUTSIDE, complaint);
    Instant now = clock.instant();
    complaint.referOutside(
        offered.stream().map(Enum::name).toList(), chosen == null ? null : chosen.name());
    steps.clocks(REFER_OUTSIDE, complaint, now);
    String text =
        chosen == null
            ? steps.tell(
                REFER_OUTSIDE,
                Notice.REFERRAL,
                complaint,
                now,
                Map.of("why", why, "routes", offered.toString()))
            : steps.tell(
                REFER_OUTSIDE,
                Notice.REFERRAL_CHOSEN,
                complaint,
                now,
                Map.of("why", why, "routes", offered.toString(), "chosen", chosen.name()));
    steps.record(REFER_OUTSIDE, complaint, by, text, true);
    return complaint;
  }

  /** R-F9: a concluded case is archived; its whole file stays retrievable as one record. */
  public Complaint archive(ComplaintNumber number, String by) {
    Complaint complaint = complaints.locked(number);
    steps.mayTake(ARCHIVE, complaint);
    complaint.archive();
    steps.clocks(ARCHIVE, complaint, clock.instant());
    steps.record(ARCHIVE, complaint, by, "归档 The case file is archived.", false);
    return complaint;
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

  static String suffix(String note) {
    return note == null || note.isBlank() ? "" : " " + note.strip();
  }
}

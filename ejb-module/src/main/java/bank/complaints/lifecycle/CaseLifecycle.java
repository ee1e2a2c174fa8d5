package bank.complaints.lifecycle;

import bank.complaints.audit.AuditLog;
import bank.complaints.audit.AuditRecorder;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.Money;
import bank.complaints.common.NotFoundException;
import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.Complaints;
import bank.complaints.complaint.ResultMedium;
import bank.complaints.department.Department;
import bank.complaints.department.DepartmentCode;
import bank.complaints.escalation.EscalationMessages;
import bank.complaints.notification.CustomerNotices;
import bank.complaints.outbox.Outbox;
import bank.complaints.platform.BankZone;
import bank.complaints.sla.Recipient;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaClocks;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.Dispatch;
import bank.complaints.tasks.ResultSender;
import bank.complaints.tasks.Satisfaction;
import bank.complaints.tasks.TaskKind;
import bank.complaints.tasks.WorkTask;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drives a case from its proposed resolution to its archive, each step one transaction with its
 * status change (the table in {@code ComplaintStatus}), its clocks, its timeline entry, and the
 * messages it owes (customer notices, department tasks, escalations) through the outbox.
 */
@Stateless
public class CaseLifecycle {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject Complaints complaints;

  @Inject Dispatch dispatch;

  @Inject SlaClocks clocks;

  @Inject Timeline timeline;

  @Inject AuditRecorder refusals;

  @Inject RecusalGuard recusal;

  @Inject Outbox outbox;

  @Inject Clock clock;

  @Inject @BankZone ZoneId bankZone;

  @Inject
  @ConfigProperty(name = "complaints.approval.department-head-below")
  BigDecimal departmentHeadBelow;

  @Inject
  @ConfigProperty(name = "complaints.approval.branch-vice-president-up-to")
  BigDecimal branchVicePresidentUpTo;

  /** R-F8: the department that makes follow-up calls (the customer service centre). */
  @Inject
  @ConfigProperty(name = "complaints.lifecycle.follow-up-department")
  String followUpDepartment;

  @Inject
  @ConfigProperty(name = "complaints.lifecycle.result-notice-department")
  String resultNoticeDepartment;

  /** R-F3, R-F4: the investigation proposes a resolution; its approval chain is fixed now. */
  public Resolution propose(
      ComplaintNumber number, ResolutionProposal proposal, Approver proposer) {
    Complaint complaint = locked(number);
    Instant now = clock.instant();
    complaint.proposeResolution();
    clocks.stop(complaint.id(), SlaStage.FIRST_FINDINGS, now);
    clocks.stop(complaint.id(), SlaStage.INVESTIGATION, now);
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
    clocks.start(complaint.id(), complaint.severity(), SlaStage.APPROVAL, now);
    timeline.record(
        complaint.id(),
        CaseEventKind.RESOLUTION_PROPOSED,
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
    em.lock(complaint, LockModeType.PESSIMISTIC_WRITE);
    Resolution resolution = pending(complaint);
    Instant now = clock.instant();
    resolution.decide(role, approver, approve, reason, now);
    String who = role + " " + approver.signature();
    if (!approve) {
      complaint.resolutionRejected();
      clocks.stop(complaint.id(), SlaStage.APPROVAL, now);
      clocks.start(complaint.id(), complaint.severity(), SlaStage.INVESTIGATION, now);
      timeline.record(
          complaint.id(),
          CaseEventKind.RESOLUTION_REJECTED,
          approver.employeeId(),
          who + " sent the proposal back: " + reason,
          false);
      return resolution;
    }
    timeline.record(
        complaint.id(),
        CaseEventKind.RESOLUTION_APPROVED,
        approver.employeeId(),
        who + " approved: " + reason,
        false);
    if (resolution.status() == Resolution.Status.APPROVED) {
      complaint.resultNotified();
      clocks.stop(complaint.id(), SlaStage.APPROVAL, now);
      // The decision reaches the customer: the regulator's and a complex case's overall clocks.
      clocks.stop(complaint.id(), SlaStage.REGULATOR_DECISION, now);
      clocks.stop(complaint.id(), SlaStage.CASE_RESOLUTION, now);
      SlaClock answer =
          clocks.start(complaint.id(), complaint.severity(), SlaStage.CUSTOMER_ANSWER, now);
      String text = resultNotice(complaint, resolution, answer.dueAt());
      ResultMedium medium = complaint.resultBy();
      if (medium.byStaff()) {
        openTask(
            complaint,
            TaskKind.RESULT_NOTICE,
            new DepartmentCode(resultNoticeDepartment),
            now,
            answer.dueAt(),
            "R-F5 tell the customer the result by " + medium + ": " + text);
        timeline.record(
            complaint.id(),
            CaseEventKind.RESULT_NOTIFIED,
            Timeline.SYSTEM,
            "Result to be told by " + medium + " (" + resultNoticeDepartment + "): " + text,
            true);
      } else {
        outbox.enqueue(
            CustomerNotices.outgoing(
                CustomerNotices.Kind.RESULT, complaint, medium.asNotice(), text, now));
        timeline.record(complaint.id(), CaseEventKind.RESULT_NOTIFIED, Timeline.SYSTEM, text, true);
      }
    }
    return resolution;
  }

  /**
   * R-F6: the customer accepts (the department is asked to carry it out, R-F7) or objects (the case
   * is reopened and goes up the escalation path at once).
   */
  public Complaint customerAnswered(
      ComplaintNumber number, boolean accepted, String reason, String recordedBy) {
    Complaint complaint = locked(number);
    Instant now = clock.instant();
    if (accepted) {
      complaint.customerAccepted();
      clocks.stop(complaint.id(), SlaStage.CUSTOMER_ANSWER, now);
      timeline.record(
          complaint.id(),
          CaseEventKind.CUSTOMER_ACCEPTED,
          recordedBy,
          "客户接受处理结果 The customer accepted the result." + (reason == null ? "" : " " + reason),
          true);
      Resolution approved = latest(complaint);
      SlaClock execution =
          clocks.start(complaint.id(), complaint.severity(), SlaStage.EXECUTION, now);
      openTask(
          complaint,
          TaskKind.EXECUTION,
          complaint.department(),
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
    clocks.stop(complaint.id(), SlaStage.CUSTOMER_ANSWER, now);
    reopen(
        complaint,
        CaseEventKind.CUSTOMER_OBJECTED,
        "CUSTOMER_OBJECTION",
        SlaStage.CUSTOMER_ANSWER,
        recordedBy,
        "客户对处理结果有异议 The customer objected: " + reason,
        now);
    return complaint;
  }

  /**
   * A department's result for a task, through the API or the results queue: idempotent by task id
   * (the same result again changes nothing; another result for a task done is a 409). An execution
   * done asks for the follow-up call (R-F8); the call's result closes the case, or reopens it when
   * the customer is dissatisfied.
   *
   * @return true when this result changed the case, false for a repeat
   */
  public boolean taskCompleted(
      String taskId, String outcome, Satisfaction satisfaction, Boolean problemSolved, String by) {
    WorkTask task = em.find(WorkTask.class, taskId, LockModeType.PESSIMISTIC_WRITE);
    if (task == null) {
      throw new NotFoundException("No task " + taskId + ".");
    }
    Instant now = clock.instant();
    if (!task.complete(outcome, satisfaction, problemSolved, by, now)) {
      return false;
    }
    Complaint complaint = task.complaint();
    em.lock(complaint, LockModeType.PESSIMISTIC_WRITE);
    switch (task.kind()) {
      case EXECUTION -> {
        complaint.executed();
        clocks.stop(complaint.id(), SlaStage.EXECUTION, now);
        String text =
            "您的投诉 "
                + complaint.number().value()
                + " 处理结果已执行完毕。 The resolution of your complaint has been carried out: "
                + outcome;
        outbox.enqueue(
            CustomerNotices.outgoing(CustomerNotices.Kind.EXECUTED, complaint, text, now));
        timeline.record(complaint.id(), CaseEventKind.EXECUTED, by, text, true);
        SlaClock call =
            clocks.start(complaint.id(), complaint.severity(), SlaStage.FOLLOW_UP_CALL, now);
        openTask(
            complaint,
            TaskKind.FOLLOW_UP_CALL,
            new DepartmentCode(followUpDepartment),
            now,
            call.dueAt(),
            "R-F8 follow-up call: standard questionnaire; satisfied, basically satisfied or"
                + " dissatisfied; is the problem really solved?");
        timeline.record(
            complaint.id(),
            CaseEventKind.FOLLOW_UP_REQUESTED,
            Timeline.SYSTEM,
            "Follow-up call asked of " + followUpDepartment + ".",
            false);
      }
      case FOLLOW_UP_CALL -> {
        clocks.stop(complaint.id(), SlaStage.FOLLOW_UP_CALL, now);
        timeline.record(
            complaint.id(),
            CaseEventKind.FOLLOW_UP_DONE,
            by,
            "回访 Follow-up call: "
                + satisfaction
                + (problemSolved ? ", problem solved. " : ", problem NOT solved. ")
                + outcome,
            false);
        if (satisfaction.closesTheCase(problemSolved)) {
          complaint.close();
          timeline.record(
              complaint.id(),
              CaseEventKind.CLOSED,
              Timeline.SYSTEM,
              "投诉已办结 The complaint is concluded.",
              true);
        } else {
          boolean dissatisfied = satisfaction == Satisfaction.DISSATISFIED;
          reopen(
              complaint,
              CaseEventKind.REOPENED,
              dissatisfied ? "CUSTOMER_DISSATISFIED" : "PROBLEM_NOT_SOLVED",
              SlaStage.FOLLOW_UP_CALL,
              by,
              dissatisfied
                  ? "回访不满意，重新调查 Dissatisfied on the follow-up call: " + outcome
                  : "回访问题未解决，重新调查 The problem is not really solved: " + outcome,
              now);
        }
      }
      case RESULT_NOTICE ->
          timeline.record(
              complaint.id(),
              CaseEventKind.TASK_COMPLETED,
              by,
              "结果已告知客户 The customer was told the result (" + complaint.resultBy() + "): " + outcome,
              true);
      case ASSIGNMENT, CONSULTATION ->
          timeline.record(
              complaint.id(),
              CaseEventKind.TASK_COMPLETED,
              by,
              task.kind() + " " + task.id() + " done: " + outcome,
              false);
    }
    return true;
  }

  /**
   * A result from the results queue, applied in a transaction of its own: a result the domain
   * refuses then rolls back only this, and the listener can dead-letter the message with the
   * reason.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean taskCompletedFromQueue(
      String taskId,
      String outcome,
      Satisfaction satisfaction,
      Boolean problemSolved,
      String by,
      ResultSender sender) {
    WorkTask task = em.find(WorkTask.class, taskId);
    if (task != null) {
      Optional<String> refusal = sender.refusal(task.department());
      if (refusal.isPresent()) {
        refusals.recordRefusal(
            AuditLog.ACCESS_DENIED, "task:" + taskId, sender.user(), refusal.get());
        throw new RuleViolationException(refusal.get());
      }
    }
    return taskCompleted(taskId, outcome, satisfaction, problemSolved, by);
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
    Complaint complaint = locked(number);
    Instant now = clock.instant();
    complaint.referOutside(
        offered.stream().map(Enum::name).toList(), chosen == null ? null : chosen.name());
    for (SlaStage stage :
        List.of(
            SlaStage.FIRST_FINDINGS,
            SlaStage.INVESTIGATION,
            SlaStage.REGULATOR_DECISION,
            SlaStage.CASE_RESOLUTION)) {
      clocks.stop(complaint.id(), stage, now);
    }
    String text =
        "您的投诉 "
            + complaint.number().value()
            + " 超出本行处理范围："
            + why
            + " 可选途径 Routes open to you: "
            + offered
            + (chosen == null ? "." : "; you chose " + chosen + ".");
    outbox.enqueue(CustomerNotices.outgoing(CustomerNotices.Kind.REFERRAL, complaint, text, now));
    timeline.record(complaint.id(), CaseEventKind.REFERRED_OUTSIDE, by, text, true);
    return complaint;
  }

  /** R-F9: a concluded case is archived; its whole file stays retrievable as one record. */
  public Complaint archive(ComplaintNumber number, String by) {
    Complaint complaint = locked(number);
    complaint.archive();
    timeline.record(
        complaint.id(), CaseEventKind.ARCHIVED, by, "归档 The case file is archived.", false);
    return complaint;
  }

  /** R-F9: the case's whole file. */
  public CaseFile file(ComplaintNumber number) {
    Complaint complaint = complaints.find(number);
    return new CaseFile(
        complaint,
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
        .setParameter("id", complaint.id())
        .getResultList();
  }

  private void reopen(
      Complaint complaint,
      CaseEventKind kind,
      String escalationKind,
      SlaStage stage,
      String by,
      String what,
      Instant now) {
    complaint.reopen();
    timeline.record(complaint.id(), kind, by, what, true);
    // R-P4, R-F6: up the escalation path: a supervisor takes it at once.
    outbox.enqueue(
        EscalationMessages.customerEscalation(
            escalationKind, Recipient.SUPERVISOR, stage, complaint, now));
    String text =
        "您的投诉 "
            + complaint.number().value()
            + " 已重新调查并提级处理。 Your complaint is reopened and escalated to a supervisor.";
    outbox.enqueue(CustomerNotices.outgoing(CustomerNotices.Kind.REOPENED, complaint, text, now));
    clocks.start(complaint.id(), complaint.severity(), SlaStage.INVESTIGATION, now);
  }

  private void openTask(
      Complaint complaint,
      TaskKind kind,
      DepartmentCode code,
      Instant now,
      Instant due,
      String ask) {
    Department department = em.find(Department.class, code);
    if (department == null) {
      throw new IllegalStateException("no department " + code.value());
    }
    dispatch.open(complaint, kind, department, now, due, ask);
  }

  /** R-F5: conclusion, the rule it rests on, the amount, how, and by when to answer. */
  private String resultNotice(Complaint complaint, Resolution resolution, Instant answerBy) {
    String amount = resolution.amount().map(Money::shown).orElse("无 none");
    return "您的投诉 "
        + complaint.number().value()
        + " 处理结果 Result: "
        + resolution.conclusion()
        + " 依据 Based on: "
        + resolution.ruleReliedOn()
        + " 金额 Amount: "
        + amount
        + " 执行方式 How: "
        + resolution.howCarriedOut()
        + " 请于 "
        + CustomerNotices.shown(answerBy, bankZone)
        + " 前确认是否接受 Please accept or object by "
        + CustomerNotices.shown(answerBy, bankZone)
        + ".";
  }

  private Resolution pending(Complaint complaint) {
    Resolution latest = latest(complaint);
    if (latest.status() != Resolution.Status.PENDING) {
      throw new RuleViolationException(
          "Complaint " + complaint.number().value() + " has no resolution awaiting approval.");
    }
    return latest;
  }

  private Resolution latest(Complaint complaint) {
    List<Resolution> all = resolutions(complaint);
    if (all.isEmpty()) {
      throw new RuleViolationException(
          "Complaint " + complaint.number().value() + " has no proposed resolution.");
    }
    return all.get(all.size() - 1);
  }

  private Complaint locked(ComplaintNumber number) {
    Complaint complaint = complaints.find(number);
    em.lock(complaint, LockModeType.PESSIMISTIC_WRITE);
    return complaint;
  }
}

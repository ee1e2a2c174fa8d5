package bank.complaints.caseprocess;

import static bank.complaints.caseprocess.CaseStep.CLOSE;
import static bank.complaints.caseprocess.CaseStep.EXECUTED;
import static bank.complaints.caseprocess.CaseStep.REOPEN_AFTER_FOLLOW_UP;

import bank.complaints.audit.AuditLog;
import bank.complaints.audit.AuditRecorder;
import bank.complaints.common.NotFoundException;
import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.Complaints;
import bank.complaints.department.DepartmentRole;
import bank.complaints.department.Departments;
import bank.complaints.notification.Notice;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.ResultSender;
import bank.complaints.tasks.Satisfaction;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A department's result for one of its tasks, through the API or the results queue, and the step of
 * the case process it triggers: an execution done asks for the follow-up call (R-F8); the call's
 * result closes the case, or reopens it when the customer is dissatisfied.
 */
@Stateless
public class TaskResults {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject Complaints complaints;

  @Inject CaseSteps steps;

  @Inject Departments departments;

  @Inject Timeline timeline;

  @Inject AuditRecorder refusals;

  @Inject Clock clock;

  /**
   * Idempotent by task id: the same result again changes nothing; another result for a task done is
   * a 409.
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
    Complaint complaint = complaints.lock(task.complaint());
    switch (task.kind()) {
      case EXECUTION -> executed(complaint, outcome, by, now);
      case FOLLOW_UP_CALL -> followedUp(complaint, outcome, satisfaction, problemSolved, by, now);
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

  /** R-F7, R-F8: carried out; the customer is told and the follow-up call is asked for. */
  private void executed(Complaint complaint, String outcome, String by, Instant now) {
    steps.mayTake(EXECUTED, complaint);
    complaint.executed();
    SlaClock call = steps.clocks(EXECUTED, complaint, now).started(SlaStage.FOLLOW_UP_CALL);
    String text = steps.tell(EXECUTED, Notice.EXECUTED, complaint, now, Map.of("outcome", outcome));
    steps.record(EXECUTED, complaint, by, text, true);
    var callers = departments.playing(DepartmentRole.FOLLOW_UP);
    steps.task(
        EXECUTED,
        complaint,
        callers,
        now,
        call.dueAt(),
        "R-F8 follow-up call: standard questionnaire; satisfied, basically satisfied or"
            + " dissatisfied; is the problem really solved?");
    timeline.record(
        complaint.id(),
        CaseEventKind.FOLLOW_UP_REQUESTED,
        Timeline.SYSTEM,
        "Follow-up call asked of " + callers.code().value() + ".",
        false);
  }

  /** R-F8, R-P4: the follow-up call's answer closes the case or reopens it. */
  private void followedUp(
      Complaint complaint,
      String outcome,
      Satisfaction satisfaction,
      boolean problemSolved,
      String by,
      Instant now) {
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
      steps.mayTake(CLOSE, complaint);
      complaint.close();
      steps.clocks(CLOSE, complaint, now);
      steps.record(CLOSE, complaint, Timeline.SYSTEM, "投诉已办结 The complaint is concluded.", true);
      return;
    }
    steps.mayTake(REOPEN_AFTER_FOLLOW_UP, complaint);
    boolean dissatisfied = satisfaction == Satisfaction.DISSATISFIED;
    steps.reopen(
        REOPEN_AFTER_FOLLOW_UP,
        complaint,
        dissatisfied ? "CUSTOMER_DISSATISFIED" : "PROBLEM_NOT_SOLVED",
        SlaStage.FOLLOW_UP_CALL,
        by,
        dissatisfied
            ? "回访不满意，重新调查 Dissatisfied on the follow-up call: " + outcome
            : "回访问题未解决，重新调查 The problem is not really solved: " + outcome,
        now);
  }
}

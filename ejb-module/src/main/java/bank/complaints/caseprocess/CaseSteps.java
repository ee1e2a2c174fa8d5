package bank.complaints.caseprocess;

import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.NoticeMedium;
import bank.complaints.department.Department;
import bank.complaints.escalation.EscalationMessages;
import bank.complaints.notification.CustomerNotices;
import bank.complaints.notification.Notice;
import bank.complaints.notification.NoticeTemplates;
import bank.complaints.outbox.Outbox;
import bank.complaints.sla.Recipient;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaClocks;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.Dispatch;
import bank.complaints.tasks.WorkTask;
import bank.complaints.timeline.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Carries out a row of {@link CaseStep}, in the caller's transaction: refuses a step the case's
 * state does not allow, checks that the aggregate moved where the table says, stops and starts the
 * row's clocks, writes its timeline entry, queues its notice and opens its task.
 */
@ApplicationScoped
public class CaseSteps {

  @Inject SlaClocks clocks;

  @Inject Timeline timeline;

  @Inject Outbox outbox;

  @Inject Dispatch dispatch;

  @Inject NoticeTemplates notices;

  /** Refuses the step (409) unless the case is in one of the states the table allows it in. */
  public void mayTake(CaseStep step, Complaint complaint) {
    if (!step.allowedIn(complaint.status())) {
      throw new RuleViolationException(
          "Complaint "
              + complaint.number().value()
              + " is "
              + complaint.status()
              + "; "
              + step
              + " is a step for a case that is "
              + step.allowedIn().stream().map(Enum::name).collect(Collectors.joining(" or "))
              + ".");
    }
  }

  /** The clocks a step stopped (those that were running) and started, by stage. */
  public record StepClocks(Map<SlaStage, SlaClock> stopped, Map<SlaStage, SlaClock> started) {

    public Optional<SlaClock> stopped(SlaStage stage) {
      return Optional.ofNullable(stopped.get(stage));
    }

    public SlaClock started(SlaStage stage) {
      return Objects.requireNonNull(started.get(stage), () -> stage + " was not started");
    }
  }

  /**
   * The step's clocks, after the aggregate took the step: its status is the table's, the clocks the
   * step ends are stopped and those it begins are started (from {@code from}: now, or the receipt
   * for a case found complex).
   */
  public StepClocks clocks(CaseStep step, Complaint complaint, Instant now, Instant from) {
    step.movesTo()
        .filter(expected -> expected != complaint.status())
        .ifPresent(
            expected -> {
              throw new IllegalStateException(
                  step + " moves a case to " + expected + ", not " + complaint.status());
            });
    Map<SlaStage, SlaClock> stopped = new EnumMap<>(SlaStage.class);
    for (SlaStage stage : step.stops()) {
      clocks.stop(complaint.id(), stage, now).ifPresent(c -> stopped.put(stage, c));
    }
    Map<SlaStage, SlaClock> started = new EnumMap<>(SlaStage.class);
    for (SlaStage stage : step.starts()) {
      started.put(
          stage,
          clocks.start(complaint.id(), complaint.severity(), complaint.complex(), stage, from));
    }
    return new StepClocks(stopped, started);
  }

  public StepClocks clocks(CaseStep step, Complaint complaint, Instant now) {
    return clocks(step, complaint, now, now);
  }

  /** The step's timeline entry. */
  public void record(
      CaseStep step, Complaint complaint, String by, String text, boolean customerVisible) {
    timeline.record(complaint.id(), step.timeline(), by, text, customerVisible);
  }

  /**
   * The step's notice, in the bank's wording, by the customer's medium for notices.
   *
   * @return the text sent
   */
  public String tell(
      CaseStep step, Notice notice, Complaint complaint, Instant now, Map<String, ?> values) {
    return tell(step, notice, complaint, complaint.noticeBy(), now, values);
  }

  /** The step's notice by a given medium (R-F5: the result's). */
  public String tell(
      CaseStep step,
      Notice notice,
      Complaint complaint,
      NoticeMedium medium,
      Instant now,
      Map<String, ?> values) {
    if (step.notice().orElse(null) != notice.kind()) {
      throw new IllegalStateException(step + " owes no " + notice + " notice");
    }
    String text = notices.text(notice, complaint, values);
    outbox.enqueue(CustomerNotices.outgoing(notice.kind(), complaint, medium, text, now));
    return text;
  }

  /** A notice's text in the bank's wording, for staff who tell it (R-F5 by call or visit). */
  public String wording(Notice notice, Complaint complaint, Map<String, ?> values) {
    return notices.text(notice, complaint, values);
  }

  /** The step's task for a department, its message queued with it. */
  public WorkTask task(
      CaseStep step,
      Complaint complaint,
      Department department,
      Instant now,
      Instant due,
      String ask) {
    return dispatch.open(
        complaint,
        step.task().orElseThrow(() -> new IllegalStateException(step + " gives no task")),
        department,
        now,
        due,
        ask);
  }

  /**
   * R-P4, R-F6, R-F8: the customer did not accept the bank's answer: the case goes back to the
   * investigation and up the escalation path, and the customer is told.
   *
   * @param escalationKind why, on the supervisor's escalation message
   * @param ended the stage whose answer was not accepted
   */
  public void reopen(
      CaseStep step,
      Complaint complaint,
      String escalationKind,
      SlaStage ended,
      String by,
      String what,
      Instant now) {
    if (!step.reopens()) {
      throw new IllegalStateException(step + " does not reopen a case");
    }
    complaint.reopen();
    for (SlaStage stage : step.stops()) {
      clocks.stop(complaint.id(), stage, now);
    }
    record(step, complaint, by, what, true);
    outbox.enqueue(
        EscalationMessages.customerEscalation(
            escalationKind, Recipient.SUPERVISOR, ended, complaint, now));
    tell(step, Notice.REOPENED, complaint, now, Map.of());
    for (SlaStage stage : step.starts()) {
      clocks.start(complaint.id(), complaint.severity(), complaint.complex(), stage, now);
    }
  }
}

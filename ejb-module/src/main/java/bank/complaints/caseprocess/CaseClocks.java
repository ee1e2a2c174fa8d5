package bank.complaints.caseprocess;

import static bank.complaints.caseprocess.CaseStep.EXTEND_DEADLINE;
import static bank.complaints.caseprocess.CaseStep.PAUSE_CLOCK;
import static bank.complaints.caseprocess.CaseStep.RESUME_CLOCK;

import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.Complaints;
import bank.complaints.notification.CustomerNotices;
import bank.complaints.notification.Notice;
import bank.complaints.platform.BankZone;
import bank.complaints.sla.Allowance;
import bank.complaints.sla.Measure;
import bank.complaints.sla.SlaClock;
import bank.complaints.sla.SlaClocks;
import bank.complaints.sla.SlaStage;
import bank.complaints.timeline.Timeline;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A case's deadline clocks as staff manage them (R-F2): paused while waiting for the customer or an
 * appraisal, resumed, and extended with a recorded approval, of which the customer is told.
 */
@Stateless
public class CaseClocks {

  @Inject Complaints complaints;

  @Inject CaseSteps steps;

  @Inject SlaClocks clocks;

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

  public List<SlaClock> of(ComplaintNumber number) {
    return clocks.of(complaints.find(number).id());
  }

  public SlaClock pause(
      ComplaintNumber number, SlaStage stage, PauseReason reason, String by, String note) {
    Complaint complaint = complaints.locked(number);
    steps.mayTake(PAUSE_CLOCK, complaint);
    SlaClock paused = clocks.pause(complaint.id(), stage, clock.instant());
    steps.record(
        PAUSE_CLOCK,
        complaint,
        by,
        stage + " clock paused: " + reason + CaseProcess.suffix(note),
        reason == PauseReason.AWAITING_CUSTOMER_INFORMATION);
    return paused;
  }

  public SlaClock resume(ComplaintNumber number, SlaStage stage, String by) {
    Complaint complaint = complaints.locked(number);
    steps.mayTake(RESUME_CLOCK, complaint);
    SlaClock resumed = clocks.resume(complaint.id(), complaint.severity(), stage, clock.instant());
    steps.record(
        RESUME_CLOCK, complaint, by, stage + " clock resumed; due " + resumed.dueAt() + ".", false);
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
    Complaint complaint = complaints.locked(number);
    steps.mayTake(EXTEND_DEADLINE, complaint);
    Instant now = clock.instant();
    if (stage == SlaStage.REGULATOR_DECISION) {
      regulatorMayExtend(complaint, extra, approverRoles);
    }
    SlaClock extended = clocks.extend(complaint.id(), complaint.severity(), stage, extra, now);
    steps.record(
        EXTEND_DEADLINE,
        complaint,
        approvedBy,
        stage
            + " deadline extended by "
            + extra
            + ", approved by "
            + approvedBy
            + " as "
            + String.join("/", new TreeSet<>(approverRoles))
            + ": "
            + reason,
        false);
    String text =
        steps.tell(
            EXTEND_DEADLINE,
            Notice.DEADLINE_EXTENDED,
            complaint,
            now,
            Map.of("dueBy", CustomerNotices.shown(extended.dueAt(), bankZone)));
    steps.record(EXTEND_DEADLINE, complaint, Timeline.SYSTEM, text, true);
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
              + String.join(", ", new TreeSet<>(seniorRoles))
              + ").");
    }
  }
}

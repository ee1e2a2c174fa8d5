package bank.complaints.caseprocess;

import static bank.complaints.complaint.ComplaintStatus.ARCHIVED;
import static bank.complaints.complaint.ComplaintStatus.ASSIGNED;
import static bank.complaints.complaint.ComplaintStatus.CLOSED;
import static bank.complaints.complaint.ComplaintStatus.EXECUTING;
import static bank.complaints.complaint.ComplaintStatus.FOLLOW_UP;
import static bank.complaints.complaint.ComplaintStatus.INVESTIGATING;
import static bank.complaints.complaint.ComplaintStatus.REFERRED_OUTSIDE;
import static bank.complaints.complaint.ComplaintStatus.REGISTERED;
import static bank.complaints.complaint.ComplaintStatus.RESOLUTION_PROPOSED;
import static bank.complaints.complaint.ComplaintStatus.RESULT_NOTIFIED;
import static bank.complaints.sla.SlaStage.APPROVAL;
import static bank.complaints.sla.SlaStage.CASE_RESOLUTION;
import static bank.complaints.sla.SlaStage.CUSTOMER_ANSWER;
import static bank.complaints.sla.SlaStage.CUSTOMER_CONTACT;
import static bank.complaints.sla.SlaStage.EXECUTION;
import static bank.complaints.sla.SlaStage.FIRST_FINDINGS;
import static bank.complaints.sla.SlaStage.FOLLOW_UP_CALL;
import static bank.complaints.sla.SlaStage.INVESTIGATION;
import static bank.complaints.sla.SlaStage.INVESTIGATION_START;
import static bank.complaints.sla.SlaStage.REGULATOR_DECISION;

import bank.complaints.complaint.ComplaintStatus;
import bank.complaints.notification.CustomerNotices;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.TaskKind;
import bank.complaints.timeline.CaseEventKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The case process as one table: every step a case can take after it is received, with the states
 * it is allowed in, the status it moves to (or none), the deadline clocks it stops and starts, the
 * timeline entry it writes, the notice the customer is owed and the task a department is given.
 * {@link CaseSteps} carries a row out; the services add only what is particular to a step (the
 * words, the resolution, the approval chain). {@code CaseStepTest} checks the table against the
 * status table ({@link ComplaintStatus}) without a container.
 *
 * <p>A new step is a row here and a method in {@link CaseProcess} (or {@link TaskResults} when a
 * department's result triggers it).
 */
public enum CaseStep {
  /** R-F1: registered and handed to the responsible department (at intake). */
  ASSIGN(
      Set.of(REGISTERED),
      ASSIGNED,
      List.of(),
      List.of(INVESTIGATION_START),
      CaseEventKind.ASSIGNED,
      null,
      TaskKind.ASSIGNMENT),
  /** R-I7: the customer was contacted to confirm receipt. */
  CONTACT_CUSTOMER(
      open(), null, List.of(CUSTOMER_CONTACT), List.of(), CaseEventKind.CUSTOMER_CONTACTED),
  /** R-F1, R-F2: the department starts investigating. */
  START_INVESTIGATION(
      Set.of(ASSIGNED),
      INVESTIGATING,
      List.of(INVESTIGATION_START),
      List.of(FIRST_FINDINGS, INVESTIGATION),
      CaseEventKind.INVESTIGATION_STARTED),
  /**
   * R-I7, R-F2: found complex: the overall clock (a solution within a week of receipt) runs from
   * receipt; running clocks take the complex allowances.
   */
  MARK_COMPLEX(
      Set.of(REGISTERED, ASSIGNED, INVESTIGATING),
      null,
      List.of(),
      List.of(CASE_RESOLUTION),
      CaseEventKind.FOUND_COMPLEX),
  /** R-F2: the first findings and the expected final date reach the customer. */
  TELL_FIRST_FINDINGS(
      Set.of(INVESTIGATING),
      null,
      List.of(FIRST_FINDINGS),
      List.of(),
      CaseEventKind.FIRST_FINDINGS_TOLD,
      CustomerNotices.Kind.FIRST_FINDINGS,
      null),
  /** R-G1, R-G2: staff regrade or reclassify, with a reason. */
  REGRADE(open(), null, List.of(), List.of(), CaseEventKind.REGRADED),
  /** R-F1: another department takes the case over; the open assignment is withdrawn. */
  REASSIGN(
      Set.of(ASSIGNED, INVESTIGATING),
      null,
      List.of(),
      List.of(),
      CaseEventKind.REASSIGNED,
      null,
      TaskKind.ASSIGNMENT),
  /** R-F2: another department's opinion, asked during the investigation. */
  CONSULT(
      Set.of(INVESTIGATING),
      null,
      List.of(),
      List.of(),
      CaseEventKind.CONSULTATION_REQUESTED,
      null,
      TaskKind.CONSULTATION),
  /** R-P2: the person handling the case, never someone the complaint names. */
  NAME_HANDLER(open(), null, List.of(), List.of(), CaseEventKind.HANDLER_NAMED),
  /** R-G3: staff set the cause tags. */
  TAG_CAUSES(open(), null, List.of(), List.of(), CaseEventKind.CAUSES_TAGGED),
  /** R-F2: a clock waits (for the customer's information, an appraisal). */
  PAUSE_CLOCK(open(), null, List.of(), List.of(), CaseEventKind.CLOCK_PAUSED),
  RESUME_CLOCK(open(), null, List.of(), List.of(), CaseEventKind.CLOCK_RESUMED),
  /** R-F2: an approved extension; the customer is told the new date. */
  EXTEND_DEADLINE(
      open(),
      null,
      List.of(),
      List.of(),
      CaseEventKind.DEADLINE_EXTENDED,
      CustomerNotices.Kind.DEADLINE_EXTENDED,
      null),
  /** R-F3, R-F4: a resolution is proposed; its approval chain is fixed now. */
  PROPOSE_RESOLUTION(
      Set.of(INVESTIGATING),
      RESOLUTION_PROPOSED,
      List.of(FIRST_FINDINGS, INVESTIGATION),
      List.of(APPROVAL),
      CaseEventKind.RESOLUTION_PROPOSED),
  /** R-F4: one approver of the chain approves; more are to come. */
  APPROVE_RESOLUTION(
      Set.of(RESOLUTION_PROPOSED), null, List.of(), List.of(), CaseEventKind.RESOLUTION_APPROVED),
  /** R-F4: an approver sends the proposal back to the investigation. */
  REJECT_RESOLUTION(
      Set.of(RESOLUTION_PROPOSED),
      INVESTIGATING,
      List.of(APPROVAL),
      List.of(INVESTIGATION),
      CaseEventKind.RESOLUTION_REJECTED),
  /**
   * R-F5: the last approval: the decision reaches the customer (by the result's medium, or by staff
   * through a task when the medium is a call or a visit), and the days to answer start (R-F6).
   */
  NOTIFY_RESULT(
      Set.of(RESOLUTION_PROPOSED),
      RESULT_NOTIFIED,
      List.of(APPROVAL, REGULATOR_DECISION, CASE_RESOLUTION),
      List.of(CUSTOMER_ANSWER),
      CaseEventKind.RESULT_NOTIFIED,
      CustomerNotices.Kind.RESULT,
      TaskKind.RESULT_NOTICE),
  /** R-F6, R-F7: the customer accepts; the department carries the resolution out. */
  CUSTOMER_ACCEPTS(
      Set.of(RESULT_NOTIFIED),
      EXECUTING,
      List.of(CUSTOMER_ANSWER),
      List.of(EXECUTION),
      CaseEventKind.CUSTOMER_ACCEPTED,
      null,
      TaskKind.EXECUTION),
  /** R-F6, R-P4: the customer objects: reopened and escalated to a supervisor at once. */
  CUSTOMER_OBJECTS(
      Set.of(RESULT_NOTIFIED),
      INVESTIGATING,
      List.of(CUSTOMER_ANSWER),
      List.of(INVESTIGATION),
      CaseEventKind.CUSTOMER_OBJECTED,
      CustomerNotices.Kind.REOPENED,
      null,
      true),
  /** R-F7, R-F8: carried out; the customer service centre is asked for the follow-up call. */
  EXECUTED(
      Set.of(EXECUTING),
      FOLLOW_UP,
      List.of(EXECUTION),
      List.of(FOLLOW_UP_CALL),
      CaseEventKind.EXECUTED,
      CustomerNotices.Kind.EXECUTED,
      TaskKind.FOLLOW_UP_CALL),
  /** R-P4, R-F8: satisfied and solved on the follow-up call: concluded. */
  CLOSE(Set.of(FOLLOW_UP), CLOSED, List.of(FOLLOW_UP_CALL), List.of(), CaseEventKind.CLOSED),
  /** R-F8: dissatisfied, or not really solved: reopened and escalated to a supervisor. */
  REOPEN_AFTER_FOLLOW_UP(
      Set.of(FOLLOW_UP),
      INVESTIGATING,
      List.of(FOLLOW_UP_CALL),
      List.of(INVESTIGATION),
      CaseEventKind.REOPENED,
      CustomerNotices.Kind.REOPENED,
      null,
      true),
  /** R-X3: beyond the bank's remit; the lawful routes offered. */
  REFER_OUTSIDE(
      Set.of(INVESTIGATING),
      REFERRED_OUTSIDE,
      List.of(FIRST_FINDINGS, INVESTIGATION, REGULATOR_DECISION, CASE_RESOLUTION),
      List.of(),
      CaseEventKind.REFERRED_OUTSIDE,
      CustomerNotices.Kind.REFERRAL,
      null),
  /** R-F9: the whole file kept as one record. */
  ARCHIVE(Set.of(CLOSED, REFERRED_OUTSIDE), ARCHIVED, List.of(), List.of(), CaseEventKind.ARCHIVED);

  private final Set<ComplaintStatus> allowedIn;
  private final ComplaintStatus movesTo;
  private final List<SlaStage> stops;
  private final List<SlaStage> starts;
  private final CaseEventKind timeline;
  private final CustomerNotices.Kind notice;
  private final TaskKind task;
  private final boolean reopens;

  CaseStep(
      Set<ComplaintStatus> allowedIn,
      ComplaintStatus movesTo,
      List<SlaStage> stops,
      List<SlaStage> starts,
      CaseEventKind timeline) {
    this(allowedIn, movesTo, stops, starts, timeline, null, null, false);
  }

  CaseStep(
      Set<ComplaintStatus> allowedIn,
      ComplaintStatus movesTo,
      List<SlaStage> stops,
      List<SlaStage> starts,
      CaseEventKind timeline,
      CustomerNotices.Kind notice,
      TaskKind task) {
    this(allowedIn, movesTo, stops, starts, timeline, notice, task, false);
  }

  CaseStep(
      Set<ComplaintStatus> allowedIn,
      ComplaintStatus movesTo,
      List<SlaStage> stops,
      List<SlaStage> starts,
      CaseEventKind timeline,
      CustomerNotices.Kind notice,
      TaskKind task,
      boolean reopens) {
    this.allowedIn = EnumSet.copyOf(allowedIn);
    this.movesTo = movesTo;
    this.stops = List.copyOf(stops);
    this.starts = List.copyOf(starts);
    this.timeline = timeline;
    this.notice = notice;
    this.task = task;
    this.reopens = reopens;
  }

  /** Every state but the archive, whose file is frozen (R-F9). */
  private static Set<ComplaintStatus> open() {
    return EnumSet.complementOf(EnumSet.of(ARCHIVED));
  }

  /** The states a case may be in to take this step. */
  public Set<ComplaintStatus> allowedIn() {
    return EnumSet.copyOf(allowedIn);
  }

  public boolean allowedIn(ComplaintStatus status) {
    return allowedIn.contains(status);
  }

  /** The status the step moves the case to; empty when it stays where it is. */
  public Optional<ComplaintStatus> movesTo() {
    return Optional.ofNullable(movesTo);
  }

  /** The clocks the step stops, in order. */
  public List<SlaStage> stops() {
    return stops;
  }

  /** The clocks the step starts, in order. */
  public List<SlaStage> starts() {
    return starts;
  }

  /** The kind of the timeline entry the step writes. */
  public CaseEventKind timeline() {
    return timeline;
  }

  /** The notice the customer is owed, if any. */
  public Optional<CustomerNotices.Kind> notice() {
    return Optional.ofNullable(notice);
  }

  /** The task a department is given, if any. */
  public Optional<TaskKind> task() {
    return Optional.ofNullable(task);
  }

  /**
   * The customer did not accept the bank's answer: the case is reopened and goes up the escalation
   * path to a supervisor at once (R-P4, R-F6, R-F8).
   */
  public boolean reopens() {
    return reopens;
  }
}

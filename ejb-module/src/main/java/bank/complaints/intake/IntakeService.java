package bank.complaints.intake;

import bank.complaints.outbox.Outbox;
import bank.complaints.platform.BankZone;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.annotation.Counted;

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

  @Counted(
      name = "complaints_registered",
      absolute = true,
      description = "Complaints registered since start")
  public Complaint register(NewComplaint submitted) {
    Instant now = clock.instant();
    Complaint complaint = Complaint.receive(submitted, now);
    em.persist(complaint);
    complaint.issueNumber(bankZone);

    timeline.record(
        complaint.id(),
        CaseEventKind.REGISTERED,
        Timeline.SYSTEM,
        "受理登记 Registered from " + complaint.channel() + ".",
        true);
    // R-I7: the customer is to be contacted within the policy's time of registration.
    clocks.start(complaint.id(), complaint.severity(), SlaStage.CUSTOMER_CONTACT, now);

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

  public Complaint find(ComplaintNumber number) {
    return em.createQuery("select c from Complaint c where c.number = :number", Complaint.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new ComplaintNotFoundException(number.value()));
  }
}

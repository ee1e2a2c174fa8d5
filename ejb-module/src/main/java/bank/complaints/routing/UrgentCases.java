package bank.complaints.routing;

import bank.complaints.complaint.Complaint;
import bank.complaints.department.Department;
import bank.complaints.tasks.Dispatch;
import bank.complaints.tasks.TaskKind;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * R-I7, R-G1: who answers for an urgent (Red) case: a named owner at once, and the task force of
 * the departments configured to join the lead, at registration or when a case is graded up.
 */
@ApplicationScoped
public class UrgentCases {

  @Inject Routing routing;

  @Inject Dispatch dispatch;

  @Inject Timeline timeline;

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
    List<Department> members = routing.taskForceBesides(lead);
    complaint.formTaskForce(members.stream().map(Department::code).toList());
    for (Department member : members) {
      dispatch.open(
          complaint,
          TaskKind.CONSULTATION,
          member,
          now,
          due,
          "紧急投诉专项小组成员，牵头部门 "
              + lead.code().value()
              + " Task force member of an urgent complaint led by "
              + lead.code().value()
              + ".");
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
}

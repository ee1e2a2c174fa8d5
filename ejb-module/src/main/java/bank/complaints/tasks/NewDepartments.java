package bank.complaints.tasks;

import bank.complaints.audit.Audited;
import bank.complaints.department.Department;
import bank.complaints.department.DepartmentCode;
import bank.complaints.department.DepartmentRole;
import bank.complaints.department.Departments;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * A new department in one call (issue 21): its row and parts, its task queue on the broker and,
 * where the platform keeps the broker's users, its system's broker login, all in one transaction.
 * The row is written and flushed first (a second request for the same code waits for it and is
 * refused before it reaches the broker); the broker's part is done next, outside the transaction
 * (the container suspends it); the row commits only when the broker has done its part, so a broker
 * out of reach adds nothing and the administrator may simply try again.
 */
@Stateless
public class NewDepartments {

  @Inject Departments departments;

  @Inject DepartmentsOnBroker broker;

  /** A department added, with its broker login where the platform made one. */
  public record Added(Department department, Optional<BrokerLogin> login) {}

  public Added add(DepartmentCode code, String name, Set<DepartmentRole> roles) {
    Department department = departments.add(code, name, roles);
    if (broker.keepsUsers()) {
      return new Added(department, Optional.of(broker.newLogin(code, department.taskQueue())));
    }
    broker.provide(department.taskQueue(), code);
    return new Added(department, Optional.empty());
  }

  /**
   * A new broker password for a department's system (a lost or leaked one, a broker whose user file
   * was made anew), for the reason the audit trail keeps; its queue is made again too if the broker
   * lacks it.
   */
  @Audited
  public BrokerLogin newLogin(DepartmentCode code, String reason) {
    return broker.newLogin(code, departments.find(code).taskQueue());
  }
}

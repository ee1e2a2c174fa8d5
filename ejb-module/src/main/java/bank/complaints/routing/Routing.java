package bank.complaints.routing;

import bank.complaints.common.NotFoundException;
import bank.complaints.intake.Complaint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the department responsible for a complaint (R-F1). For now one configured department
 * takes every complaint; routing rules by category, severity and product replace this.
 */
@ApplicationScoped
public class Routing {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "complaints.routing.default-department")
  String defaultDepartment;

  public List<Department> departments() {
    return em.createQuery("select d from Department d order by d.code", Department.class)
        .getResultList();
  }

  /** R-I7: who owns a department's urgent cases from now on (cases already owned keep theirs). */
  @Transactional
  public Department nameDutyOwner(DepartmentCode code, String owner) {
    Department department = em.find(Department.class, code);
    if (department == null) {
      throw new NotFoundException("No department " + code.value() + ".");
    }
    department.setDutyOwner(owner);
    return department;
  }

  public Department responsibleFor(Complaint complaint) {
    Department department = em.find(Department.class, new DepartmentCode(defaultDepartment));
    if (department == null) {
      throw new IllegalStateException(
          "complaints.routing.default-department names no department: " + defaultDepartment);
    }
    return department;
  }
}

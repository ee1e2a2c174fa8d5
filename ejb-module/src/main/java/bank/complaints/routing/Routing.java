package bank.complaints.routing;

import bank.complaints.intake.Complaint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

  public Department responsibleFor(Complaint complaint) {
    Department department = em.find(Department.class, new DepartmentCode(defaultDepartment));
    if (department == null) {
      throw new IllegalStateException(
          "complaints.routing.default-department names no department: " + defaultDepartment);
    }
    return department;
  }
}

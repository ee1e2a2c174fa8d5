package bank.complaints.routing;

import bank.complaints.audit.Audited;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.NotFoundException;
import bank.complaints.complaint.Complaint;
import bank.complaints.department.Department;
import bank.complaints.department.DepartmentCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the department responsible for a complaint (R-F1): the first routing rule, by priority,
 * whose category, severity and keywords hold; else the configured default department. A Red case
 * also has a task force: the configured departments besides the lead.
 */
@ApplicationScoped
public class Routing {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "complaints.routing.default-department")
  String defaultDepartment;

  @Inject
  @ConfigProperty(name = "complaints.routing.task-force-departments")
  List<String> taskForceDepartments;

  public List<Department> departments() {
    return em.createQuery("select d from Department d order by d.code", Department.class)
        .getResultList();
  }

  public Department department(DepartmentCode code) {
    Department department = em.find(Department.class, code);
    if (department == null) {
      throw new NotFoundException("No department " + code.value() + ".");
    }
    return department;
  }

  /** R-I7: who owns a department's urgent cases from now on (cases already owned keep theirs). */
  @Transactional
  @Audited
  public Department nameDutyOwner(DepartmentCode code, String owner) {
    Department department = department(code);
    department.setDutyOwner(owner);
    return department;
  }

  /** Rules are read at most every 30 s per server (at once on the one that replaced them). */
  private static final Duration REFRESH = Duration.ofSeconds(30);

  private volatile List<RoutingRule> cached;
  private volatile long cachedAtNanos;

  public List<RoutingRule> rules() {
    return em.createQuery(
            "select r from RoutingRule r order by r.priority, r.id", RoutingRule.class)
        .getResultList();
  }

  private List<RoutingRule> current() {
    List<RoutingRule> rules = cached;
    if (rules == null || System.nanoTime() - cachedAtNanos > REFRESH.toNanos()) {
      rules = List.copyOf(rules());
      cached = rules;
      cachedAtNanos = System.nanoTime();
    }
    return rules;
  }

  /** Replaces the rules as a whole; every department they name must exist. */
  @Transactional
  @Audited
  public List<RoutingRule> replaceRules(List<RoutingRule> rules) {
    for (RoutingRule rule : rules) {
      if (em.find(Department.class, rule.department()) == null) {
        throw new InvalidRequestException(
            "Rule '" + rule.description() + "' names no department: " + rule.department().value());
      }
    }
    em.createQuery("delete from RoutingRule").executeUpdate();
    rules.forEach(em::persist);
    em.flush();
    cached = null;
    return rules();
  }

  /** The rule that routes the complaint, if any. */
  public Optional<RoutingRule> ruleFor(Complaint complaint) {
    String text =
        complaint.subject()
            + "\n"
            + complaint.description()
            + "\n"
            + String.join("\n", complaint.productsInvolved());
    return current().stream() // in priority order
        .filter(r -> r.matches(complaint.category(), complaint.severity(), text))
        .findFirst();
  }

  public Department responsibleFor(Complaint complaint) {
    DepartmentCode code =
        ruleFor(complaint)
            .map(RoutingRule::department)
            .orElseGet(() -> new DepartmentCode(defaultDepartment));
    Department department = em.find(Department.class, code);
    if (department == null) {
      throw new IllegalStateException("routing names no department: " + code.value());
    }
    return department;
  }

  /** R-G1, R-F1: the task force of a Red case besides its lead department. */
  public List<Department> taskForceBesides(DepartmentCode lead) {
    return taskForceDepartments.stream()
        .map(String::strip)
        .filter(c -> !c.isEmpty() && !c.equals(lead.value()))
        .map(c -> department(new DepartmentCode(c)))
        .toList();
  }
}

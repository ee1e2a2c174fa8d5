package bank.complaints.routing;

import bank.complaints.audit.Audited;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.Keywords;
import bank.complaints.complaint.Complaint;
import bank.complaints.department.Department;
import bank.complaints.department.DepartmentRole;
import bank.complaints.department.Departments;
import bank.complaints.platform.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the department responsible for a complaint (R-F1): the first routing rule, by priority,
 * whose category, severity and keywords hold; else the department playing the DEFAULT part. A Red
 * case also has a task force: the departments playing TASK_FORCE besides the lead.
 */
@ApplicationScoped
public class Routing {

  private static final String REFERENCE = "routing-rules";

  @Inject EntityManager em;

  @Inject ReferenceData reference;

  @Inject Departments departments;

  public List<RoutingRule> rules() {
    return em.createQuery(
            "select r from RoutingRule r order by r.priority, r.id", RoutingRule.class)
        .getResultList();
  }

  private List<RoutingRule> current() {
    return reference.read(REFERENCE, () -> List.copyOf(rules()));
  }

  /** Replaces the rules as a whole; every department they name must exist. */
  @Audited
  @Transactional
  public List<RoutingRule> replaceRules(List<RoutingRule> rules) {
    for (RoutingRule rule : rules) {
      if (departments.all().stream().noneMatch(d -> d.code().equals(rule.department()))) {
        throw new InvalidRequestException(
            "Rule '" + rule.description() + "' names no department: " + rule.department().value());
      }
    }
    em.createQuery("delete from RoutingRule").executeUpdate();
    rules.forEach(em::persist);
    em.flush();
    reference.changed(REFERENCE);
    return rules();
  }

  /** The rule that routes the complaint, if any. */
  public Optional<RoutingRule> ruleFor(Complaint complaint) {
    Keywords.Text text =
        Keywords.Text.of(
            complaint.subject()
                + "\n"
                + complaint.description()
                + "\n"
                + String.join("\n", complaint.productsInvolved()));
    return current().stream() // in priority order
        .filter(r -> r.matches(complaint.category(), complaint.severity(), text))
        .findFirst();
  }

  public Department responsibleFor(Complaint complaint) {
    return ruleFor(complaint)
        .map(rule -> departments.find(rule.department()))
        .orElseGet(() -> departments.playing(DepartmentRole.DEFAULT));
  }

  /** R-G1, R-F1: the task force of a Red case besides its lead department. */
  public List<Department> taskForceBesides(Department lead) {
    return departments.allPlaying(DepartmentRole.TASK_FORCE).stream()
        .filter(d -> !d.code().equals(lead.code()))
        .toList();
  }
}

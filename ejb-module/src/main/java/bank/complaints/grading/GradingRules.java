package bank.complaints.grading;

import bank.complaints.audit.Audited;
import bank.complaints.platform.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;

/**
 * The grading rules as data: read through the reference-data cache (a change applies within its
 * refresh period on every server, at once on the one that made it), replaced as a whole by
 * administrators, one at a time on a server ({@link ReferenceData#replacing}).
 */
@ApplicationScoped
public class GradingRules {

  @Inject EntityManager em;

  @Inject ReferenceData reference;

  private static final String REFERENCE = "grading-rules";

  public Grade propose(String text, BigDecimal amount) {
    return Grade.propose(current(), text, amount);
  }

  public List<GradingRule> all() {
    return em.createQuery(
            "select r from GradingRule r order by r.priority, r.id", GradingRule.class)
        .getResultList();
  }

  @Audited
  @Transactional
  public List<GradingRule> replaceAll(List<GradingRule> rules) {
    reference.replacing(REFERENCE);
    em.createQuery("delete from GradingRule").executeUpdate();
    rules.forEach(em::persist);
    em.flush();
    return all();
  }

  private List<GradingRule> current() {
    return reference.read(REFERENCE, () -> List.copyOf(all()));
  }
}

package bank.complaints.grading;

import bank.complaints.audit.Audited;
import bank.complaints.platform.ReferenceData;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;

/**
 * The grading rules as data: read through the reference-data cache (a change applies within its
 * refresh period on every server, at once on the one that made it), replaced as a whole by
 * administrators.
 */
@Singleton
@Lock(LockType.READ)
public class GradingRules {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

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

  @Lock(LockType.WRITE)
  @Audited
  public List<GradingRule> replaceAll(List<GradingRule> rules) {
    em.createQuery("delete from GradingRule").executeUpdate();
    rules.forEach(em::persist);
    em.flush();
    reference.changed(REFERENCE);
    return all();
  }

  private List<GradingRule> current() {
    return reference.read(REFERENCE, () -> List.copyOf(all()));
  }
}

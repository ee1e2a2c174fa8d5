package bank.complaints.grading;

import bank.complaints.audit.Audited;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The grading rules as data: read through a short cache (a change applies within {@link #REFRESH}
 * on every server, at once on the one that made it), replaced as a whole by administrators.
 */
@Singleton
@Lock(LockType.READ)
public class GradingRules {

  static final Duration REFRESH = Duration.ofSeconds(30);

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject Clock clock;

  private volatile List<GradingRule> cached;
  private volatile Instant cachedAt = Instant.MIN;

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
    cached = null;
    return all();
  }

  private List<GradingRule> current() {
    List<GradingRule> rules = cached;
    if (rules == null || clock.instant().isAfter(cachedAt.plus(REFRESH))) {
      rules = List.copyOf(all());
      cached = rules;
      cachedAt = clock.instant();
    }
    return rules;
  }
}

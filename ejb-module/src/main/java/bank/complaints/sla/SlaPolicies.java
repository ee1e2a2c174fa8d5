package bank.complaints.sla;

import bank.complaints.audit.Audited;
import bank.complaints.grading.Severity;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA policy as data: one row per stage and severity. Read through a short cache, so a change
 * applies within {@link #REFRESH} on every server and at once on the one that made it; clocks
 * already running keep the deadline they started with, and follow the new ladder.
 */
@Singleton
@Lock(LockType.READ)
public class SlaPolicies {

  static final Duration REFRESH = Duration.ofSeconds(30);

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject Clock clock;

  private volatile Map<String, SlaPolicy> cached;
  private volatile Instant cachedAt = Instant.MIN;

  public Optional<SlaPolicy> of(SlaStage stage, Severity severity) {
    return Optional.ofNullable(current().get(key(stage, severity)));
  }

  public List<SlaPolicy> all() {
    return em.createQuery("select p from SlaPolicy p order by p.stage, p.severity", SlaPolicy.class)
        .getResultList();
  }

  /** Replaces the policy of one stage and severity. */
  @Lock(LockType.WRITE)
  @Audited
  public SlaPolicy replace(SlaPolicy policy) {
    em.createQuery(
            "select p from SlaPolicy p where p.stage = :stage and p.severity = :severity",
            SlaPolicy.class)
        .setParameter("stage", policy.stage())
        .setParameter("severity", policy.severity())
        .getResultStream()
        .forEach(em::remove);
    em.flush();
    em.persist(policy);
    em.flush();
    cached = null;
    return policy;
  }

  private Map<String, SlaPolicy> current() {
    Map<String, SlaPolicy> policies = cached;
    if (policies == null || clock.instant().isAfter(cachedAt.plus(REFRESH))) {
      policies = new HashMap<>();
      for (SlaPolicy policy : all()) {
        policy.ladder(); // loaded while attached
        policies.put(key(policy.stage(), policy.severity()), policy);
      }
      cached = Map.copyOf(policies);
      cachedAt = clock.instant();
    }
    return policies;
  }

  private static String key(SlaStage stage, Severity severity) {
    return stage + "/" + severity;
  }
}

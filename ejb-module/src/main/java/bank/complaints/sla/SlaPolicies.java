package bank.complaints.sla;

import bank.complaints.audit.Audited;
import bank.complaints.grading.Severity;
import bank.complaints.platform.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA policy as data: one row per stage and severity. Read through the reference-data cache, so
 * a change applies within its refresh period on every server and at once on the one that made it;
 * clocks already running keep the deadline they started with, and follow the new ladder.
 */
@ApplicationScoped
public class SlaPolicies {

  @Inject EntityManager em;

  @Inject ReferenceData reference;

  private static final String REFERENCE = "sla-policies";

  public Optional<SlaPolicy> of(SlaStage stage, Severity severity) {
    return Optional.ofNullable(current().get(key(stage, severity)));
  }

  public List<SlaPolicy> all() {
    return em.createQuery("select p from SlaPolicy p order by p.stage, p.severity", SlaPolicy.class)
        .getResultList();
  }

  /** Replaces the policy of one stage and severity. */
  @Audited
  @Transactional
  public SlaPolicy replace(SlaPolicy policy) {
    reference.replacing(REFERENCE);
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
    return policy;
  }

  private Map<String, SlaPolicy> current() {
    return reference.read(
        REFERENCE,
        () -> {
          Map<String, SlaPolicy> policies = new HashMap<>();
          for (SlaPolicy policy : all()) {
            policy.ladder(); // loaded while attached
            policies.put(key(policy.stage(), policy.severity()), policy);
          }
          return Map.copyOf(policies);
        });
  }

  private static String key(SlaStage stage, Severity severity) {
    return stage + "/" + severity;
  }
}

package bank.complaints.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Appends to the audit log (R-S3). A plain CDI bean for the services of this module (an EJB per
 * timeline step measurably contended on the container's class loader under load). Refusals, which
 * must stay although the refused work rolls back, go through {@link AuditRecorder}.
 */
@ApplicationScoped
public class AuditLog {

  /** A change of calendar, SLA policy, routing, grading rules or another setting. */
  public static final String CONFIGURATION_CHANGED = "CONFIGURATION_CHANGED";

  /** A full (unmasked) personal-data value was shown. */
  public static final String PERSONAL_DATA_READ = "PERSONAL_DATA_READ";

  /** A call its caller's roles or scope do not allow. */
  public static final String ACCESS_DENIED = "ACCESS_DENIED";

  @Inject EntityManager em;

  @Inject Clock clock;

  @Inject RequestTrace trace;
  @Inject ChainHash chainHash;

  /**
   * Records in the caller's transaction (or a new one when there is none), so that the entry exists
   * exactly when what it records does.
   *
   * @param actor the person the request names as acting (e.g. an employee), if any
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public void record(String action, String subject, String actor, String reason) {
    AuditEntry entry =
        new AuditEntry(
            clock.instant(), trace.principal(), actor, action, subject, reason, trace.requestId());
    em.persist(entry);
    entry.seal(chainHash.sealOf(entry));
    em.persist(new AuditPending(entry.id()));
  }
}

package bank.complaints.audit;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every second, chains what was recorded since; every {@code complaints.audit.checkpoint-every},
 * checkpoints the chain's head outside the database ({@link AuditCheckpoints}). Linking after the
 * fact keeps the business transactions free of a global lock; an entry is unchained for about a
 * second, and {@link AuditVerification} reports how many are waiting.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditChain {

  private static final Logger LOG = Logger.getLogger(AuditChain.class.getName());
  private static final int BATCH = 500;

  @Inject AuditLinker linker;

  private final AtomicBoolean linking = new AtomicBoolean();

  @Inject AuditCheckpoints checkpoints;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "complaints.audit.checkpoint-every")
  Duration checkpointEvery;

  private volatile Instant lastCheckpoint = Instant.EPOCH;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void tick() {
    linkAll();
    Instant now = clock.instant();
    if (!now.isBefore(lastCheckpoint.plus(checkpointEvery))) {
      lastCheckpoint = now;
      try {
        AuditLinker.Head head = linker.head();
        checkpoints.write(head.seq(), head.hash());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Audit checkpoint not written; tried again next time", e);
      }
    }
  }

  /** Links everything waiting now (also called before a verification). */
  public void linkAll() {
    if (!linking.compareAndSet(false, true)) {
      return;
    }
    try {
      while (linker.linkBatch(BATCH) == BATCH) {
        // more waiting
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Audit linking failed; retried on the next tick", e);
    } finally {
      linking.set(false);
    }
  }
}

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, chains what was recorded since. Linking after the fact keeps the business
 * transactions free of a global lock; an entry is unchained for about a second, and {@link
 * AuditVerification} reports how many are waiting.
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

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void tick() {
    linkAll();
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

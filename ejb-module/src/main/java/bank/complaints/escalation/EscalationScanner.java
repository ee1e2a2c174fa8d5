package bank.complaints.escalation;

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
 * Drives the deadlines of every open case with one non-persistent EJB timer (no timer per case):
 * each second-long tick looks for due alerts every {@code complaints.sla.scan-poll} and fires them
 * in batches. The due clocks are indexed rows, so a look costs the same with a thousand or a
 * million open cases; what fell due while the server was down is due at the first tick after it
 * starts, and fired once.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EscalationScanner {

  private static final Logger LOG = Logger.getLogger(EscalationScanner.class.getName());

  /** The EJB timer's period: Payara's minimum interval. */
  private static final Duration TICK = Duration.ofSeconds(1);

  @Inject Escalations escalations;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "complaints.sla.scan-poll")
  Duration poll;

  @Inject
  @ConfigProperty(name = "complaints.sla.scan-batch-size")
  int batchSize;

  private final AtomicBoolean scanning = new AtomicBoolean();
  private final AtomicBoolean failing = new AtomicBoolean();

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "escalation scanner")
  public void tick() {
    if (!scanning.compareAndSet(false, true)) {
      return; // the previous tick is still draining a burst
    }
    try {
      Instant end = clock.instant().plus(TICK).minus(poll.dividedBy(2));
      while (true) {
        int claimed;
        do {
          claimed = escalations.fireDue(batchSize);
        } while (claimed == batchSize);
        if (!clock.instant().plus(poll).isBefore(end)) {
          break;
        }
        Thread.sleep(poll.toMillis());
      }
      if (failing.compareAndSet(true, false)) {
        LOG.info("Escalation scanner runs again.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // Nothing was fired in the failed batch; the next tick tries again.
      if (failing.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "Escalation scanner paused, will retry.", e);
      }
    } finally {
      scanning.set(false);
    }
  }
}

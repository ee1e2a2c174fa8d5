package bank.complaints.escalation;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drives the deadlines of every open case; there is no timer per case. One non-persistent EJB
 * timer, every second, makes sure the scan loop is running (and restarts it if it died); the loop
 * looks for due alerts every {@code complaints.sla.scan-poll} and fires them in batches of {@code
 * complaints.sla.scan-batch-size}. The due clocks are indexed rows, so a look costs the same with a
 * thousand or a million open cases; what fell due while the server was down is due at the first
 * look after it starts, and is fired once.
 *
 * <p>Why a loop and not the timer itself: Payara delivers a calendar timer's next expiration only
 * after the previous callback has returned and rounds it to the next full second, so timer-paced
 * scans leave gaps of up to two seconds (measured: p99 lag 1.03 s); the loop keeps the lag to the
 * poll interval.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EscalationScanner {

  private static final Logger LOG = Logger.getLogger(EscalationScanner.class.getName());

  /** After a failed batch the loop waits this long before it tries again, doubling to the cap. */
  private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);

  private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

  /** A clock that cannot be escalated is tried again after this long. */
  private static final Duration HOLD_BACK = Duration.ofMinutes(5);

  @Inject Escalations escalations;

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "complaints.sla.scan-poll")
  Duration poll;

  @Inject
  @ConfigProperty(name = "complaints.sla.scan-batch-size")
  int batchSize;

  private volatile boolean stopping;
  private volatile Future<?> loop;

  @Schedule(
      second = "*",
      minute = "*",
      hour = "*",
      persistent = false,
      info = "escalation scanner watchdog")
  public void ensureRunning() {
    if (!stopping && (loop == null || loop.isDone())) {
      loop = executor.submit(this::scanUntilStopped);
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
    Future<?> running = loop;
    if (running != null) {
      try {
        running.get(poll.plus(MAX_BACK_OFF).toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        running.cancel(true);
      }
    }
  }

  private void scanUntilStopped() {
    Duration backOff = Duration.ZERO;
    while (!stopping) {
      try {
        int claimed;
        do {
          claimed = escalations.fireDue(batchSize);
        } while (claimed == batchSize && !stopping);
        if (!backOff.isZero()) {
          LOG.info("Escalation scanner runs again.");
          backOff = Duration.ZERO;
        }
        pause(poll);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException batchFailure) {
        // Nothing of the failed batch was fired. One clock that cannot be processed must not
        // hold up the others: fire them one by one and hold back the ones that fail.
        try {
          fireOneByOne();
          continue;
        } catch (RuntimeException oneByOneFailure) {
          batchFailure.addSuppressed(oneByOneFailure);
        }
        // Still failing (the database is away?): try again later, and say so once.
        if (backOff.isZero()) {
          LOG.log(Level.WARNING, "Escalation scanner paused, will retry.", batchFailure);
          backOff = FIRST_BACK_OFF;
        } else {
          backOff =
              backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0
                  ? MAX_BACK_OFF
                  : backOff.multipliedBy(2);
        }
        try {
          pause(backOff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void fireOneByOne() {
    for (Long clockId : escalations.dueIds(batchSize)) {
      try {
        escalations.fireOne(clockId);
      } catch (RuntimeException e) {
        LOG.log(
            Level.SEVERE,
            "Deadline clock " + clockId + " cannot be escalated; held back for " + HOLD_BACK + ".",
            e);
        escalations.holdBack(clockId, HOLD_BACK);
      }
    }
  }

  /** Sleeps in short steps so a shutdown is not held up. */
  private void pause(Duration duration) throws InterruptedException {
    long until = System.nanoTime() + duration.toNanos();
    while (!stopping && System.nanoTime() < until) {
      TimeUnit.NANOSECONDS.sleep(Math.min(until - System.nanoTime(), 100_000_000L));
    }
  }
}

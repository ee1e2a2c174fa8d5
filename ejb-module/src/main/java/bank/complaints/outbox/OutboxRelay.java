package bank.complaints.outbox;

import bank.complaints.platform.Failures;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Drains the outbox. Two triggers: right after a transaction that wrote to the outbox commits (low
 * latency), and one non-persistent EJB timer every two seconds (to pick up what a failed or crashed
 * attempt left). Drains never overlap on one server; across servers each batch is claimed with a
 * 30-second lease ({@code claimed_until}, set in its own short transaction that skips rows another
 * server has locked), so two relays never send one row.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final String PUBLISHED = "complaints_outbox_published";

  @Inject OutboxPublisher publisher;

  @Inject
  @ConfigProperty(name = "complaints.outbox.batch-size")
  int batchSize;

  @Resource SessionContext context;

  @Inject MetricRegistry metrics;

  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicLong published = new AtomicLong();

  /** What this server published; its backlogs are counted by operations.Backlogs. */
  @PostConstruct
  void registerMetrics() {
    unregisterMetrics(); // the registry outlives a redeployment
    metrics.gauge(
        Metadata.builder()
            .withName(PUBLISHED)
            .withDescription("Messages this server has published since it started")
            .build(),
        published,
        AtomicLong::get);
  }

  @PreDestroy
  void unregisterMetrics() {
    metrics.remove(PUBLISHED);
  }

  @Schedule(
      second = "*/2",
      minute = "*",
      hour = "*",
      persistent = false,
      info = "outbox relay sweep")
  public void sweep() {
    drain();
  }

  /** Called after commit of a transaction that wrote to the outbox. */
  public void afterCommit(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
    context.getBusinessObject(OutboxRelay.class).drainAsync();
  }

  @Asynchronous
  public void drainAsync() {
    drain();
  }

  /**
   * Publishes until the outbox is empty; a concurrent request makes the running drain go round
   * again.
   */
  public void drain() {
    if (!draining.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    try {
      do {
        again.set(false);
        int sent;
        do {
          sent = publisher.publishBatch(batchSize);
          published.addAndGet(sent);
        } while (sent == batchSize);
      } while (again.get());
      if (failing.compareAndSet(true, false)) {
        LOG.info("Outbox relay publishes again.");
      }
    } catch (RuntimeException e) {
      // The rows stay pending; the next sweep retries. Log the first failure of a run only.
      if (failing.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "Outbox relay paused, will retry: {0}", Failures.rootCause(e));
      }
    } finally {
      draining.set(false);
    }
  }
}

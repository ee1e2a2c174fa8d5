package bank.complaints.outbox;

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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
 * attempt left). Drains never overlap on one server; across servers the row locks keep them apart.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final String PENDING = "complaints_outbox_pending";
  private static final String PUBLISHED = "complaints_outbox_published";
  private static final String DEAD_LETTERS = "complaints_dead_letters";
  private static final String SET_ASIDE = "complaints_outbox_set_aside";

  @Inject OutboxPublisher publisher;

  @Inject
  @ConfigProperty(name = "complaints.outbox.batch-size")
  int batchSize;

  @Resource SessionContext context;

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject MetricRegistry metrics;

  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong deadLetterCount = new AtomicLong();
  private final AtomicLong setAside = new AtomicLong();

  @Inject SetAsideMessages setAsideMessages;

  @Inject DeadLetters deadLetters;

  /** What operations watch: a growing backlog means tasks are not reaching the broker. */
  @PostConstruct
  void registerMetrics() {
    unregisterMetrics(); // the registry outlives a redeployment
    metrics.gauge(
        Metadata.builder()
            .withName(PENDING)
            .withDescription("Messages written to the outbox and not yet published to the broker")
            .build(),
        pending,
        AtomicLong::get);
    metrics.gauge(
        Metadata.builder()
            .withName(PUBLISHED)
            .withDescription("Messages this server has published since it started")
            .build(),
        published,
        AtomicLong::get);
    metrics.gauge(
        Metadata.builder()
            .withName(DEAD_LETTERS)
            .withDescription(
                "Messages on complaints.DLQ: not deliverable or not processable; see"
                    + " /api/v1/admin/dead-letters (counted every 15 s)")
            .build(),
        deadLetterCount,
        AtomicLong::get);
    metrics.gauge(
        Metadata.builder()
            .withName(SET_ASIDE)
            .withDescription(
                "Outbox messages the broker refused again and again, set aside so that the others"
                    + " flow; see /api/v1/admin/outbox/set-aside")
            .build(),
        setAside,
        AtomicLong::get);
  }

  @PreDestroy
  void unregisterMetrics() {
    metrics.remove(PENDING);
    metrics.remove(PUBLISHED);
    metrics.remove(DEAD_LETTERS);
    metrics.remove(SET_ASIDE);
  }

  /** Counted by the sweep (inside the container) so a metrics scrape never queries the database. */
  private void countPending() {
    try {
      pending.set(
          ((Number)
                  em.createNativeQuery(
                          "select count(*) from outbox_message"
                              + " where published_at is null and set_aside_at is null")
                      .getSingleResult())
              .longValue());
      setAside.set(setAsideMessages.count());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "outbox backlog not counted", e);
    }
  }

  @Schedule(
      second = "*/2",
      minute = "*",
      hour = "*",
      persistent = false,
      info = "outbox relay sweep")
  public void sweep() {
    drain();
    countPending();
  }

  @Schedule(
      second = "*/15",
      minute = "*",
      hour = "*",
      persistent = false,
      info = "dead-letter count")
  public void countDeadLetters() {
    try {
      deadLetterCount.set(deadLetters.count());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "dead letters not counted", e);
    }
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
        LOG.log(Level.WARNING, "Outbox relay paused, will retry: {0}", rootMessage(e));
      }
    } finally {
      draining.set(false);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}

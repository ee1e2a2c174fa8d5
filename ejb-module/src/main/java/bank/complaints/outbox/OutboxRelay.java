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
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Drains the outbox. Right after a transaction that wrote to the outbox commits, the rows it wrote
 * are handed over in memory and sent as they are: no read of the table, no claim (issue 18: the
 * department's wait, and a third of the database's time under intake load). Every two seconds a
 * non-persistent EJB timer reads the table for what no hand-off sent: rows whose send failed, rows
 * of a server that crashed, rows put back in line. Those are read only once they are older than
 * {@link OutboxPublisher#HAND_OFF}, and only while no other server's claim holds them ({@link
 * Claims}: the writer's, made in the insert, or another read's), and each batch read is claimed in
 * its own short transaction that skips rows another server has locked. So two relays never send one
 * row at the same time; a row sent again later (a crash before its marking) is dropped by the
 * broker by its duplicate-detection id (ADR 0003). Drains never overlap on one server.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final String PUBLISHED = "complaints_outbox_published";

  @Inject Clock clock;

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

  /** Rows committed on this server, not yet sent; at most {@link #HANDED_OVER_MAX}. */
  private final Queue<OutboxMessage> handedOver = new ConcurrentLinkedQueue<>();

  private final AtomicInteger handedOverCount = new AtomicInteger();

  /** Beyond this many rows waiting in memory, new rows wait in the table for the next read. */
  private static final int HANDED_OVER_MAX = 10_000;

  /** The table is to be read on the next drain (the timer, a row put back in line). */
  private final AtomicBoolean readTable = new AtomicBoolean(true);

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
    readTable.set(true);
    drain();
  }

  /**
   * Called once a transaction that wrote to the outbox has committed ({@link Outbox}), on its
   * thread: its rows are queued here and a drain is started unless one is running, which then goes
   * round again for them.
   *
   * @param rows the rows it wrote, sent without being read back
   * @param readTable whether it put rows back in line in the table, which is then read
   */
  public void committed(List<OutboxMessage> rows, boolean readTable) {
    Instant now = clock.instant();
    for (OutboxMessage row : rows) {
      if (handedOverCount.incrementAndGet() <= HANDED_OVER_MAX) {
        row.committedAt(now);
        handedOver.add(row);
      } else {
        handedOverCount.decrementAndGet(); // the timer's read of the table sends it
      }
    }
    if (readTable) {
      this.readTable.set(true);
    }
    // Issue 18: an asynchronous call per commit costs a task on the EJB thread pool; a running
    // drain looks at the queue again after its round (and after its end, see drain).
    if (draining.get()) {
      again.set(true);
    } else {
      context.getBusinessObject(OutboxRelay.class).drainAsync();
    }
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
    boolean drained = false;
    // Sent and not yet marked: marked once a batch's worth, or when nothing more is handed over.
    // Marking is off the path from a commit to the broker; a crash before it leaves the rows to a
    // relay's read of the table, and the broker drops what it already has (ADR 0003).
    List<Long> toMark = new ArrayList<>();
    try {
      do {
        again.set(false);
        for (List<OutboxMessage> batch = handedOver(); !batch.isEmpty(); batch = handedOver()) {
          published.addAndGet(publisher.publishHandedOver(batch, toMark));
          if (toMark.size() >= batchSize) {
            mark(toMark);
          }
        }
        mark(toMark);
        if (readTable.getAndSet(false)) {
          int sent;
          do {
            sent = publisher.publishBatch(batchSize);
            published.addAndGet(sent);
          } while (sent == batchSize);
        }
      } while (again.get());
      drained = true;
      if (failing.compareAndSet(true, false)) {
        LOG.info("Outbox relay publishes again.");
      }
    } catch (RuntimeException e) {
      // The rows stay pending; the next sweep retries, reading the table (also for the rows
      // handed over meanwhile, which would fail the same way). Log the first failure of a run only.
      forgetHandedOver();
      if (failing.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "Outbox relay paused, will retry: {0}", Failures.rootCause(e));
      }
    } finally {
      markAfterFailure(toMark);
      draining.set(false);
    }
    if (drained && (again.get() || handedOverCount.get() > 0)) {
      // Asked for between this drain's last look and its end: not left for the timer.
      context.getBusinessObject(OutboxRelay.class).drainAsync();
    }
  }

  private void mark(List<Long> sent) {
    if (!sent.isEmpty()) {
      publisher.markPublished(sent, clock.instant());
      sent.clear();
    }
  }

  /**
   * What was sent before a failure is marked all the same; if that fails too (the database gone), a
   * read of the table sends the rows again later and the broker drops them as duplicates.
   */
  private void markAfterFailure(List<Long> sent) {
    try {
      mark(sent);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "sent messages not marked; a later read of the table resends them", e);
    }
  }

  /** Forgets the rows handed over: the table has them, and the timer's next read sends them. */
  private void forgetHandedOver() {
    while (handedOver.poll() != null) {
      handedOverCount.decrementAndGet();
    }
  }

  /** Takes up to a batch of the rows handed over. */
  private List<OutboxMessage> handedOver() {
    List<OutboxMessage> batch = new ArrayList<>();
    for (OutboxMessage row; batch.size() < batchSize && (row = handedOver.poll()) != null; ) {
      batch.add(row);
    }
    handedOverCount.addAndGet(-batch.size());
    return batch;
  }
}

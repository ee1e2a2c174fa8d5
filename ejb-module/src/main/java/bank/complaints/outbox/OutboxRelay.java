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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 *
 * <p>An API request's thread sends the rows its transactions committed itself, once its answer is
 * out ({@link #hold}, {@link #send}); the relay marks them. Such sends and a drain's read of the
 * table exclude each other, so that one server never sends one row twice at the same time either.
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

  /**
   * Rows committed on a thread that answers an API request, held for that thread to send once its
   * answer is out ({@link #hold}); none while the thread holds nothing.
   */
  private static final ThreadLocal<List<OutboxMessage>> HELD = new ThreadLocal<>();

  /** Ids sent by the threads that held them, for the next drain to mark published. */
  private final Queue<Long> sentUnmarked = new ConcurrentLinkedQueue<>();

  private final AtomicInteger sentUnmarkedCount = new AtomicInteger();

  /**
   * Held by the threads sending held rows (shared), and by a drain while it reads the table
   * (exclusive): the read takes this server's own unsent rows older than {@link
   * OutboxPublisher#HAND_OFF}, and a send held up past that (a broker failing over) must not send a
   * row at the same time as the read's send, which the broker's duplicate detection would not catch
   * (ADR 0003, "Claims name their server"). Fair: a waiting read is not starved by sends, which
   * meanwhile hand their rows to the relay's thread.
   */
  private final ReadWriteLock sending = new ReentrantReadWriteLock(true);

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
   * thread: its rows are held for that thread to send if it holds ({@link #hold}); otherwise they
   * are queued here and a drain is started unless one is running, which then goes round again for
   * them.
   *
   * @param rows the rows it wrote, sent without being read back
   * @param readTable whether it put rows back in line in the table, which is then read
   */
  public void committed(List<OutboxMessage> rows, boolean readTable) {
    Instant now = clock.instant();
    rows.forEach(row -> row.committedAt(now));
    List<OutboxMessage> held = HELD.get();
    if (held != null && !readTable) {
      held.addAll(rows);
    } else {
      handOver(rows, readTable);
    }
  }

  /** Committed rows, sent by this relay's thread: a thread that held them and cannot send them. */
  public void handOver(List<OutboxMessage> rows) {
    handOver(rows, false);
  }

  /** Queues the rows for this relay's thread and starts a drain unless one is running. */
  private void handOver(List<OutboxMessage> rows, boolean readTable) {
    for (OutboxMessage row : rows) {
      if (handedOverCount.incrementAndGet() <= HANDED_OVER_MAX) {
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

  /**
   * From now until {@link #release}, rows that transactions commit on this thread are held for it
   * to send ({@link #send}) instead of queued for the relay's own thread (issue 18: the
   * department's wait, without a hand-off to another thread after each commit). A request's thread
   * holds them while it answers, and sends them once its answer is out.
   */
  public static void hold() {
    HELD.set(new ArrayList<>());
  }

  /** Ends holding on this thread; returns the rows held and not sent yet. */
  public static List<OutboxMessage> release() {
    List<OutboxMessage> held = HELD.get();
    HELD.remove();
    return held == null ? List.of() : held;
  }

  /**
   * Sends, on this thread, what this thread holds so far (it goes on holding): a group's writer
   * that goes round again sends its group's rows first.
   */
  public void sendHeld() {
    List<OutboxMessage> held = HELD.get();
    if (held != null && !held.isEmpty()) {
      HELD.set(new ArrayList<>());
      send(held);
    }
  }

  /**
   * Sends committed rows on the caller's thread; they are marked published by the next drain. Rows
   * the broker did not take stay in the table for the sweep's read, as after a failed drain.
   */
  public void send(List<OutboxMessage> rows) {
    if (failing.get() || !tryToSend()) {
      // The broker was away at the last try: the relay's thread finds out when it is back, not a
      // request's thread, each waiting for a connection that fails. Or the table is being read.
      handOver(rows, false);
      return;
    }
    List<Long> sent = new ArrayList<>(rows.size());
    try {
      published.addAndGet(publisher.publishHandedOver(rows, sent));
    } catch (RuntimeException e) {
      readTable.set(true);
      paused(e);
    } finally {
      sending.readLock().unlock();
      sent.forEach(sentUnmarked::add);
      if (sentUnmarkedCount.addAndGet(sent.size()) >= batchSize && !draining.get()) {
        context.getBusinessObject(OutboxRelay.class).drainAsync();
      }
    }
  }

  /** Whether this thread may send now: no drain reads the table, and none waits to. */
  private boolean tryToSend() {
    try {
      return sending.readLock().tryLock(0, TimeUnit.NANOSECONDS); // respects fairness
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
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
        markSentElsewhere(toMark);
        if (readTable.getAndSet(false)) {
          sending.writeLock().lock();
          try {
            markSentElsewhere(toMark); // what a send that ended just now sent is not read again
            int sent;
            do {
              sent = publisher.publishBatch(batchSize);
              published.addAndGet(sent);
            } while (sent == batchSize);
          } finally {
            sending.writeLock().unlock();
          }
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
      paused(e);
    } finally {
      markAfterFailure(toMark);
      draining.set(false);
    }
    if (drained && (again.get() || handedOverCount.get() > 0)) {
      // Asked for between this drain's last look and its end: not left for the timer.
      context.getBusinessObject(OutboxRelay.class).drainAsync();
    }
  }

  /** A send failed: the rows wait in the table; the first failure of a run is logged. */
  private void paused(RuntimeException e) {
    if (failing.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "Outbox relay paused, will retry: {0}", Failures.rootCause(e));
    }
  }

  /** Marks, with what this drain sent, what the threads that held their rows sent. */
  private void markSentElsewhere(List<Long> toMark) {
    for (Long id; (id = sentUnmarked.poll()) != null; ) {
      sentUnmarkedCount.decrementAndGet();
      toMark.add(id);
      if (toMark.size() >= batchSize) {
        mark(toMark);
      }
    }
    mark(toMark);
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

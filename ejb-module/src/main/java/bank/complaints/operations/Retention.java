package bank.complaints.operations;

import bank.complaints.audit.Audited;
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
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Deletes what has served its purpose, every five minutes, in bounded batches: outbox rows once
 * published and older than {@code complaints.retention.published-outbox}, idempotency keys older
 * than {@code complaints.retention.idempotency-keys}. Nothing else is deleted: complaints, their
 * timelines, evidence and the audit chain are the bank's records; work lists (outbox rows not yet
 * sent or set aside, audit and statistics marks) are work, watched by {@link Backlogs}. Safe with
 * several servers: each batch is a delete of its own that skips what another already deleted.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class.getName());

  @Inject RetentionBatches batches;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "complaints.retention.published-outbox")
  Duration publishedOutbox;

  @Inject
  @ConfigProperty(name = "complaints.retention.idempotency-keys")
  Duration idempotencyKeys;

  @Inject
  @ConfigProperty(name = "complaints.retention.batch-size")
  int batchSize;

  @Inject MetricRegistry metrics;

  private final AtomicBoolean running = new AtomicBoolean();

  /** What one run deleted, and the ages it kept. */
  public record Run(
      int outboxMessagesDeleted,
      int idempotencyKeysDeleted,
      Instant publishedBefore,
      Instant keysMadeBefore) {}

  @Schedule(second = "41", minute = "*/5", hour = "*", persistent = false, info = "retention")
  public void scheduled() {
    try {
      run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Retention failed; tried again in five minutes: {0}", e.toString());
    }
  }

  /** Operations run it now (after changing a retention setting, say). */
  @Audited
  public Run runNow() {
    return run();
  }

  private Run run() {
    Instant now = clock.instant();
    Instant publishedBefore = now.minus(publishedOutbox);
    Instant keysBefore = now.minus(idempotencyKeys);
    if (!running.compareAndSet(false, true)) {
      return new Run(0, 0, publishedBefore, keysBefore); // the scheduled run is at it
    }
    try {
      int outbox = 0;
      int deleted;
      do {
        deleted = batches.deletePublishedOutbox(publishedBefore, batchSize);
        outbox += deleted;
      } while (deleted >= batchSize);
      int keys = 0;
      do {
        deleted = batches.deleteIdempotencyKeys(keysBefore, batchSize);
        keys += deleted;
      } while (deleted >= batchSize);
      counter("complaints_retention_outbox_deleted").inc(outbox);
      counter("complaints_retention_idempotency_keys_deleted").inc(keys);
      if (outbox + keys > 0) {
        LOG.info(
            "Retention deleted "
                + outbox
                + " published outbox messages and "
                + keys
                + " idempotency keys.");
      }
      return new Run(outbox, keys, publishedBefore, keysBefore);
    } finally {
      running.set(false);
    }
  }

  private Counter counter(String name) {
    return metrics.counter(name);
  }
}

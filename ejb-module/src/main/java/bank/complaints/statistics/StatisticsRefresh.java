package bank.complaints.statistics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Every two seconds, brings the statistics up to date with what changed since: a report lags the
 * cases by a few seconds, and no business transaction waits for the rollups.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatisticsRefresh {

  private static final Logger LOG = Logger.getLogger(StatisticsRefresh.class.getName());
  private static final int BATCH = 500;
  private static final String PENDING = "complaints_statistics_pending";

  @Inject StatisticsRefresher refresher;

  @Inject MetricRegistry metrics;

  private final AtomicBoolean refreshing = new AtomicBoolean();
  private final AtomicLong pending = new AtomicLong();

  /** A backlog that keeps growing means the reports fall behind the cases. */
  @PostConstruct
  void registerMetrics() {
    unregisterMetrics(); // the registry outlives a redeployment
    metrics.gauge(
        Metadata.builder()
            .withName(PENDING)
            .withDescription(
                "Changed complaints whose statistics are not derived yet (counted every 2 s)")
            .build(),
        pending,
        AtomicLong::get);
  }

  @PreDestroy
  void unregisterMetrics() {
    metrics.remove(PENDING);
  }

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!refreshing.compareAndSet(false, true)) {
      return;
    }
    try {
      while (refresher.refreshBatch(BATCH) == BATCH) {
        // more waiting
      }
      pending.set(refresher.pending());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Statistics refresh failed; retried on the next tick", e);
    } finally {
      refreshing.set(false);
    }
  }
}

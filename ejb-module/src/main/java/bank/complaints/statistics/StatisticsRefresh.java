package bank.complaints.statistics;

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
 * Every two seconds, brings the statistics up to date with what changed since: a report lags the
 * cases by a few seconds, and no business transaction waits for the rollups. Its backlog is counted
 * by operations.Backlogs (complaints_statistics_pending).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatisticsRefresh {

  private static final Logger LOG = Logger.getLogger(StatisticsRefresh.class.getName());
  private static final int BATCH = 500;

  @Inject StatisticsRefresher refresher;

  private final AtomicBoolean refreshing = new AtomicBoolean();

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!refreshing.compareAndSet(false, true)) {
      return;
    }
    try {
      while (refresher.refreshBatch(BATCH) == BATCH) {
        // more waiting
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Statistics refresh failed; retried on the next tick", e);
    } finally {
      refreshing.set(false);
    }
  }
}

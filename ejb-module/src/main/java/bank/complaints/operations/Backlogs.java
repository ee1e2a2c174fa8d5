package bank.complaints.operations;

import bank.complaints.outbox.DeadLetters;
import bank.complaints.platform.SqlValues;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Every work list of the platform, counted from outside the worker that drains it, so that a
 * stalled worker shows as a growing length and age instead of a figure that stopped changing: the
 * outbox (pending and set aside), the dead letters, the audit chain's and the statistics' work
 * lists, and the deadlines due but not yet acted on. Counted every 15 s; a scrape never queries the
 * database. What each means and what to do when it grows: README, "Operating it".
 *
 * <p>The timer only hands the counting to an executor: Payara expunges a timer whose delivery fails
 * twice (EJB5119), and a count that waits on a database going away must not cost the metrics for
 * good.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Backlogs {

  private static final Logger LOG = Logger.getLogger(Backlogs.class.getName());

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject DeadLetters deadLetters;

  @Inject MetricRegistry metrics;

  @Inject Clock clock;

  /** One work list: its length and the age of its oldest item, by one query each. */
  private record Backlog(
      String name,
      String description,
      String countSql,
      String oldestSql,
      AtomicLong length,
      AtomicLong oldestSeconds) {}

  private final List<Backlog> backlogs = new ArrayList<>();
  private final AtomicLong deadLetterCount = new AtomicLong();
  private final List<String> registered = new ArrayList<>();
  private final AtomicBoolean counting = new AtomicBoolean();

  @Resource ManagedExecutorService executor;

  @Resource SessionContext context;

  @PostConstruct
  void registerMetrics() {
    backlog(
        "complaints_outbox_pending",
        "Messages written to the outbox and not yet published to the broker",
        "select count(*) from outbox_message where published_at is null and set_aside_at is null",
        "select min(created_at) from outbox_message"
            + " where published_at is null and set_aside_at is null");
    backlog(
        "complaints_outbox_set_aside",
        "Outbox messages the broker refused again and again, set aside so that the others flow;"
            + " see /api/v1/admin/outbox/set-aside",
        "select count(*) from outbox_message where set_aside_at is not null and published_at is null",
        "select min(created_at) from outbox_message"
            + " where set_aside_at is not null and published_at is null");
    backlog(
        "complaints_audit_pending",
        "Audit entries not yet linked into the hash chain",
        "select count(*) from audit_pending",
        // Each pending entry looked up by its key. A join let the planner hash the whole audit log:
        // 187,000 entries, up to 409 ms every 15 s under intake load, and growing with the log.
        "select min((select e.recorded_at from audit_entry e where e.id = p.entry_id))"
            + " from audit_pending p");
    backlog(
        "complaints_statistics_pending",
        "Changed complaints whose statistics are not derived yet",
        "select count(*) from stat_pending",
        "select min(created_at) from stat_pending");
    backlog(
        "complaints_escalations_due",
        "Deadline warnings and escalations due and not yet raised",
        "select count(*) from sla_clock where next_action_at <= ?",
        "select min(next_action_at) from sla_clock where next_action_at <= ?");
    gauge(
        "complaints_dead_letters",
        "Messages on complaints.DLQ: not deliverable or not processable; see"
            + " /api/v1/admin/dead-letters",
        deadLetterCount);
  }

  private void backlog(String name, String description, String countSql, String oldestSql) {
    Backlog b =
        new Backlog(name, description, countSql, oldestSql, new AtomicLong(), new AtomicLong());
    backlogs.add(b);
    gauge(name, description + " (counted every 15 s)", b.length());
    gauge(
        name.replace("_pending", "") + "_oldest_seconds",
        "Age of the oldest item of " + name + " (0 when empty)",
        b.oldestSeconds());
  }

  private void gauge(String name, String description, AtomicLong value) {
    metrics.remove(name); // the registry outlives a redeployment
    metrics.gauge(
        Metadata.builder().withName(name).withDescription(description).build(),
        value,
        AtomicLong::get);
    registered.add(name);
  }

  @PreDestroy
  void unregisterMetrics() {
    registered.forEach(metrics::remove);
  }

  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "backlogs")
  public void tick() {
    if (counting.compareAndSet(false, true)) {
      try {
        Backlogs self = context.getBusinessObject(Backlogs.class);
        executor.execute(self::countAll);
      } catch (RuntimeException refused) {
        counting.set(false);
      }
    }
  }

  /** Counts every backlog; run by {@link #tick} on the executor, not by the timer itself. */
  public void countAll() {
    try {
      Instant now = clock.instant();
      for (Backlog b : backlogs) {
        try {
          b.length().set(((Number) query(b.countSql(), now)).longValue());
          Instant oldest = SqlValues.instant(query(b.oldestSql(), now));
          b.oldestSeconds()
              .set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()));
        } catch (RuntimeException e) {
          LOG.log(Level.FINE, "backlogs not counted: the database does not answer", e);
          break; // the database is away: the next round counts again
        }
      }
      try {
        deadLetterCount.set(deadLetters.count());
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "dead letters not counted", e);
      }
    } finally {
      counting.set(false);
    }
  }

  private Object query(String sql, Instant now) {
    var query = em.createNativeQuery(sql);
    if (sql.contains("?")) {
      query.setParameter(1, now.atOffset(ZoneOffset.UTC));
    }
    return query.getSingleResult();
  }
}

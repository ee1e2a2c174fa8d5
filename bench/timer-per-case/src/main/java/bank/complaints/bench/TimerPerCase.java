package bank.complaints.bench;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The alternative to the escalation scanner: one persistent single-action EJB timer per case
 * deadline. Each expiry records (case, due, fired) in the bench_timer_fired table of the product's
 * database, so the lag is measured the same way as the scanner's.
 */
@Singleton
public class TimerPerCase {

  @Resource TimerService timers;

  @Resource(lookup = "jdbc/complaints")
  DataSource database;

  /** Creates {@code count} persistent timers, one per case, in one transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void create(long firstCase, int count, Instant firstDue, long spacingMillis) {
    for (int i = 0; i < count; i++) {
      long caseId = firstCase + i;
      Instant due = firstDue.plusMillis(i * spacingMillis);
      timers.createSingleActionTimer(
          java.util.Date.from(due), new TimerConfig(new Deadline(caseId, due.toEpochMilli()), true));
    }
  }

  public int count() {
    return timers.getTimers().size();
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void fired(Timer timer) {
    Instant now = Instant.now();
    Deadline deadline = (Deadline) timer.getInfo();
    try (Connection connection = database.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into bench_timer_fired (case_id, due_at, fired_at) values (?, ?, ?)")) {
      insert.setLong(1, deadline.caseId());
      insert.setTimestamp(2, Timestamp.from(Instant.ofEpochMilli(deadline.dueEpochMilli())));
      insert.setTimestamp(3, Timestamp.from(now));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a timer carries: the case and when it was due. */
  public record Deadline(long caseId, long dueEpochMilli) implements java.io.Serializable {}
}

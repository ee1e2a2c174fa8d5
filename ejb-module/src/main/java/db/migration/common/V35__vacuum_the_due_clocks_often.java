package db.migration.common;

import db.migration.PostgreSqlOnly;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps the escalation scanner's look cheap on PostgreSQL (ADR 0002). Each alert moves its clock's
 * {@code next_action_at} on, which leaves the old index entry behind, dead, exactly where every
 * look ({@code next_action_at <= now}, ten a second) starts reading; only a vacuum removes it. At
 * PostgreSQL's default (a vacuum once a fifth of the table is dead) a table of nine million clocks
 * waited for 1.8 million: measured on the benchmark database, 609,000 dead rows made each look read
 * 5,500 index pages (28 ms, a third of PostgreSQL's statement time under registrations) to find
 * five due clocks; vacuumed, three pages (0.5 ms). So {@code sla_clock} is vacuumed after a fixed
 * number of dead rows, whatever its size: the look's cost follows the dead entries, not the table.
 *
 * <p>A storage parameter of PostgreSQL's; H2 (the zero-install database) has no vacuum and nothing
 * to set. Operators may change it with {@code alter table sla_clock set (...)}.
 */
public class V35__vacuum_the_due_clocks_often extends PostgreSqlOnly {

  /** Dead clock rows that start a vacuum: about 70 index pages for a look to step over. */
  static final int DEAD_ROWS = 20_000;

  @Override
  protected void migrate(Statement statement) throws SQLException {
    statement.execute(
        "alter table sla_clock set (autovacuum_vacuum_scale_factor = 0,"
            + " autovacuum_vacuum_threshold = "
            + DEAD_ROWS
            + ")");
  }
}

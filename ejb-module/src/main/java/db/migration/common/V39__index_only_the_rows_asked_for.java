package db.migration.common;

import db.migration.PostgreSqlOnly;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Three indexes held an entry for every row although their readers ask for a few: the messages set
 * aside ({@code set_aside_at}, null for nearly all), all messages by {@code published_at, id} (for
 * retention, which asks for the published ones; the relay reads V36's index) and the running clocks
 * already warned ({@code state, due_at}, for the management dashboard's attention list). Each
 * registration wrote about nine entries into them: its two outbox messages one each when written
 * and again when published (PostgreSQL writes a new entry into every index when an indexed column
 * changes), its four clocks one each. Measured with {@code pg_waldump} at a fixed 300 registrations
 * a second: 92.7 WAL records per registration, 61.7 of them index entries; with these partial
 * indexes 84.6 and 52.0.
 *
 * <p>Each is replaced by an index of exactly the rows its reader asks for, in the order it reads
 * them: the set-aside messages not yet published by {@code id} (the operators' list and its backlog
 * metric), the published messages by {@code published_at} (retention), the running clocks already
 * warned by {@code due_at, id} (the attention list). A registration writes none of them; publishing
 * its messages writes one entry each, into the retention index.
 *
 * <p>Built in the migration's transaction, as V36: {@code create index concurrently} would wait for
 * the open transaction that Flyway's lock keeps, and, with two servers starting at once, for the
 * second server waiting on that lock (flyway/flyway#3682, #1654). The build of the clocks' index
 * holds back writes to {@code sla_clock} while it reads the table (0.3 s for 1.3 million clocks,
 * 199 MB, in memory, on the benchmark machine; a bank's table may be 30 times that); an operator
 * who wants no such pause on a large database builds the three indexes beforehand with {@code
 * create index concurrently} under the same names and definitions, and this migration then only
 * drops the old ones.
 *
 * <p>A partial index is PostgreSQL's; H2 (the zero-install database) keeps the earlier indexes,
 * which serve its small tables.
 */
public class V39__index_only_the_rows_asked_for extends PostgreSqlOnly {

  private static final String[][] REPLACED = {
    {
      "outbox_message_set_aside_pending_idx",
      "on outbox_message (id) where set_aside_at is not null and published_at is null",
      "outbox_message_set_aside_idx"
    },
    {
      "outbox_message_published_idx",
      "on outbox_message (published_at) where published_at is not null",
      "outbox_message_pending_idx"
    },
    {
      "sla_clock_attention_idx",
      "on sla_clock (due_at, id) where state = 'RUNNING' and warned = true",
      "sla_clock_state_due_idx"
    },
  };

  @Override
  protected void migrate(Statement statement) throws SQLException {
    for (String[] index : REPLACED) {
      if (invalid(statement, index[0])) { // an operator's concurrent build that was interrupted
        statement.execute("drop index " + index[0]);
      }
      statement.execute("create index if not exists " + index[0] + " " + index[1]);
      statement.execute("drop index if exists " + index[2]);
    }
  }

  private static boolean invalid(Statement statement, String index) throws SQLException {
    try (ResultSet r =
        statement.executeQuery(
            "select not i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " where c.relname = '"
                + index
                + "' and c.relnamespace = current_schema()::regnamespace")) {
      return r.next() && r.getBoolean(1);
    }
  }
}

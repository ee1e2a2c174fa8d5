package db.migration.common;

import db.migration.PostgreSqlOnly;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Leaves room in each outbox page for the one update every message gets: marked published. Written
 * full, a page had no room for the new version of a row, so PostgreSQL put it on another page and,
 * before it let go of the first, logged a lock of the old version: 1.6 - 1.9 lock records per
 * registration (two messages), and the new version logged whole. With a third of each page left
 * free the new version stays on its page, logged as the bytes that changed: measured with {@code
 * bench/wal-records.sh} at a fixed 300 registrations a second, lock records 1.63 - 1.86 -> 0.29,
 * WAL record bytes per registration 11.0 - 11.4 -> 10.2 - 10.5 KB. The table holds a few days of
 * messages (retention), so a third more pages costs little.
 *
 * <p>It is not a HOT update still: {@code published_at} is indexed (V36, V39). Pages written before
 * this migration keep their rows as they are.
 *
 * <p>A storage parameter of PostgreSQL's; H2 (the zero-install database) has nothing to set.
 */
public class V40__room_for_the_publish_update extends PostgreSqlOnly {

  /** Per cent of each page filled by inserts. */
  static final int FILL_FACTOR = 70;

  @Override
  protected void migrate(Statement statement) throws SQLException {
    statement.execute("alter table outbox_message set (fillfactor = " + FILL_FACTOR + ")");
  }
}

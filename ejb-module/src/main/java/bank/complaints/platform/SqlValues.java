package bank.complaints.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values as native queries and JDBC result sets return them, which differ by driver. */
public final class SqlValues {

  private SqlValues() {}

  /**
   * A {@code timestamp with time zone} column of a JDBC result set, read the same on both drivers.
   */
  public static Instant instant(ResultSet row, int column) throws SQLException {
    // Issue 18: not getObject(column, type), which the server's JDBC wrapper (com.sun.gjc
    // ResultSetWrapper40) calls by reflection, looking the method up each time: 1.7 % of the
    // server's CPU samples at a fixed 300/s went to that lookup in the statistics worker.
    Timestamp value = row.getTimestamp(column); // with its time zone: the instant itself
    return value == null ? null : value.toInstant();
  }

  /**
   * A {@code timestamp with time zone} column of a native query's row: PostgreSQL's driver gives a
   * Timestamp, H2's an OffsetDateTime.
   */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    return OffsetDateTime.parse(value.toString()).toInstant();
  }
}

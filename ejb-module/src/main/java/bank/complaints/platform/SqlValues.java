package bank.complaints.platform;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values as native queries return them, which differ by driver. */
public final class SqlValues {

  private SqlValues() {}

  /**
   * A {@code timestamp with time zone} column: PostgreSQL's driver gives a Timestamp, H2's an
   * OffsetDateTime.
   */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    return OffsetDateTime.parse(value.toString()).toInstant();
  }
}

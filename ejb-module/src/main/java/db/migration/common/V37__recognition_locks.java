package db.migration.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * R-X1, R-X2: the rows whose locks let registrations running at once recognise each other's
 * complaints as repeats and as mass complaints ({@code RecognitionLocks}): 65,536 of them, ids 0 to
 * 65,535, each named by the hash of a customer or of a kind of similar complaint. They replace the
 * single row that let one registration at a time open an incident, which did not stop two from
 * counting too few customers each.
 */
public class V37__recognition_locks extends BaseJavaMigration {

  private static final int ROWS = 65_536;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection db = context.getConnection();
    boolean postgresql = "PostgreSQL".equals(db.getMetaData().getDatabaseProductName());
    try (Statement statement = db.createStatement()) {
      statement.execute("create table recognition_lock (id integer not null primary key)");
      statement.execute(
          postgresql
              ? "insert into recognition_lock (id) select generate_series(0, " + (ROWS - 1) + ")"
              : "insert into recognition_lock (id) select * from system_range(0, "
                  + (ROWS - 1)
                  + ")");
      statement.execute("drop table incident_opening_lock");
    }
  }
}

package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A migration of what only PostgreSQL has (a partial index, a storage parameter): on H2, the
 * zero-install database, it is recorded as applied and does nothing. Outside {@code
 * db/migration/common}, so that Flyway does not take it for a migration of its own.
 */
public abstract class PostgreSqlOnly extends BaseJavaMigration {

  @Override
  public final void migrate(Context context) throws SQLException {
    Connection db = context.getConnection();
    if (!"PostgreSQL".equals(db.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement statement = db.createStatement()) {
      migrate(statement);
    }
  }

  /** The migration's statements, on PostgreSQL, in the migration's transaction. */
  protected abstract void migrate(Statement statement) throws SQLException;
}

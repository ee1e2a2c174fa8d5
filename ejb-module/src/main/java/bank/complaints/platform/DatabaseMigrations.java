package bank.complaints.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * Applies the versioned schema migrations (db/migration) when the application is deployed, before
 * anything else touches the database. The data source is whatever operations bound to {@code
 * jdbc/complaints}. On several servers at once, Flyway's lock lets one migrate.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Resource(lookup = "jdbc/complaints")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    MigrateResult result;
    try {
      result =
          Flyway.configure(DatabaseMigrations.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration/common")
              .failOnMissingLocations(true)
              .load()
              .migrate();
    } catch (FlywaySqlScriptException e) {
      // Its own message tries to quote the script from disk, which fails inside an EAR: say it
      // here.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException(
          "Migration failed at line "
              + e.getLineNumber()
              + " of "
              + e.getResource().getFilename()
              + ": "
              + cause.getMessage()
              + " in: "
              + e.getStatement(),
          cause);
    }
    LOG.info(
        () ->
            "Database schema at version "
                + (result.targetSchemaVersion != null
                    ? result.targetSchemaVersion
                    : result.initialSchemaVersion)
                + " on "
                + result.database
                + " ("
                + result.migrationsExecuted
                + " migrations applied now).");
  }
}

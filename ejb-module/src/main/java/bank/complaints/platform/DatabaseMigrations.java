package bank.complaints.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * Applies the versioned schema migrations (db/migration) when the application is deployed, before
 * anything else touches the database, as the schema's owner ({@code jdbc/complaints-migrations}),
 * then grants the runtime user ({@code complaints.database.runtime-user}, behind {@code
 * jdbc/complaints}) what it needs and no more (R-S3, {@link RuntimePrivileges}). On several servers
 * at once, Flyway's lock lets one migrate.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  /** The schema's owner; deployments that give the application one data source have only that. */
  private static final String MIGRATIONS = "jdbc/complaints-migrations";

  private static final String RUNTIME = "jdbc/complaints";

  @Inject
  @ConfigProperty(name = "complaints.database.runtime-user")
  String runtimeUser;

  @PostConstruct
  void migrate() {
    DataSource dataSource = owner();
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
    try (Connection owner = dataSource.getConnection()) {
      RuntimePrivileges.grant(owner, runtimeUser);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot grant the runtime user " + runtimeUser + " its privileges: " + e.getMessage(), e);
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

  private static DataSource owner() {
    try {
      return (DataSource) new InitialContext().lookup(MIGRATIONS);
    } catch (NamingException e) {
      LOG.warning(
          () ->
              "No "
                  + MIGRATIONS
                  + ": migrating as the runtime user of "
                  + RUNTIME
                  + " (R-S3 wants a separate owner; see the README).");
      try {
        return (DataSource) new InitialContext().lookup(RUNTIME);
      } catch (NamingException missing) {
        throw new IllegalStateException("No data source " + RUNTIME, missing);
      }
    }
  }
}

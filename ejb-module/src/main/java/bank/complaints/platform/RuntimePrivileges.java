package bank.complaints.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * R-S3: what the application's runtime database user may do, granted by the schema's owner after
 * every migration: read and write the business tables, but only insert into and read the audit log
 * ({@code audit_entry}, {@code audit_link}) and only read the migrations' history. So the advice
 * "grant INSERT and SELECT only" on the audit tables is what the run command does.
 */
final class RuntimePrivileges {

  /** Appended to, never changed: the runtime user inserts and reads. */
  static final Set<String> APPEND_ONLY = Set.of("audit_entry", "audit_link");

  /** The migrations' own bookkeeping: the runtime user reads it. */
  static final Set<String> READ_ONLY = Set.of("flyway_schema_history");

  private RuntimePrivileges() {}

  /** The statements that give {@code user} its privileges on {@code tables}. */
  static List<String> grants(String user, List<String> tables, boolean postgresql) {
    List<String> statements = new ArrayList<>();
    for (String table : tables) {
      String privileges =
          APPEND_ONLY.contains(table)
              ? "select, insert"
              : READ_ONLY.contains(table) ? "select" : "select, insert, update, delete";
      statements.add("revoke all on " + table + " from " + user);
      statements.add("grant " + privileges + " on " + table + " to " + user);
    }
    if (postgresql) {
      // H2 lets any user with a table's privileges draw from the sequences; PostgreSQL asks.
      statements.add("grant usage, select, update on all sequences in schema public to " + user);
    }
    return statements;
  }

  /**
   * Grants, as the owner on {@code owner}, what the runtime user needs; nothing when the two are
   * the same user (a deployment that gave the application a single data source).
   */
  static void grant(Connection owner, String user) throws SQLException {
    if (!user.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("complaints.database.runtime-user is not a user name");
    }
    String me = owner.getMetaData().getUserName();
    if (me != null && me.equalsIgnoreCase(user)) {
      return;
    }
    boolean postgresql =
        owner.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    List<String> tables = new ArrayList<>();
    try (Statement query = owner.createStatement();
        ResultSet rows =
            query.executeQuery(
                "select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE'"
                    + " order by table_name")) {
      while (rows.next()) {
        tables.add(rows.getString(1).toLowerCase(Locale.ROOT));
      }
    }
    boolean autoCommit = owner.getAutoCommit();
    owner.setAutoCommit(false);
    try (Statement grant = owner.createStatement()) {
      if (postgresql) {
        // Servers of a deployment group start together: one grants at a time (concurrent grants
        // on one table fail in PostgreSQL).
        grant.execute("select pg_advisory_xact_lock(7260100)");
      }
      for (String statement : grants(user, tables, postgresql)) {
        grant.execute(statement);
      }
      owner.commit();
    } catch (SQLException e) {
      owner.rollback();
      throw e;
    } finally {
      owner.setAutoCommit(autoCommit);
    }
  }
}

package bank.complaints.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the system's database directly, as the tests' independent witness. */
final class Database {

  private Database() {}

  /** As the application's runtime user (R-S3), not the schema's owner the tests act as. */
  static Connection connectAsRuntimeUser() throws SQLException {
    return connect(
        env("DB_APP_USER", "complaints_app"),
        env("DB_APP_PASSWORD", "complaints"),
        ";IFEXISTS=TRUE");
  }

  static Connection connect() throws SQLException {
    return connect(
        env("DB_USER", "complaints"),
        env("DB_PASSWORD", "complaints"),
        ";DEFAULT_NULL_ORDERING=HIGH");
  }

  private static Connection connect(String user, String password, String h2Options)
      throws SQLException {
    if ("postgresql".equals(Runtime.database())) {
      String url =
          "jdbc:postgresql://"
              + env("DB_HOST", "127.0.0.1")
              + ":"
              + env("DB_PORT", "5432")
              + "/"
              + env("DB_NAME", "complaints");
      return DriverManager.getConnection(url, user, password);
    }
    java.nio.file.Path file =
        Runtime.dir().resolve("dist/payara6/glassfish/domains/domain1/data/complaints");
    return DriverManager.getConnection(
        "jdbc:h2:" + file + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" + h2Options,
        user,
        password);
  }

  /** The single number a query such as {@code select count(*) …} returns. */
  static long count(String sql, Object... parameters) {
    return ((Number) first(sql, parameters)).longValue();
  }

  /** The first column of the first row as text, or {@code null} when there is no row. */
  static String text(String sql, Object... parameters) {
    Object value = first(sql, parameters);
    return value == null ? null : value.toString();
  }

  /** Runs an update; returns the rows changed. */
  static int update(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of every row, as text. */
  static List<String> texts(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first row's first column, as bytes (a bytea or binary column). */
  static byte[] bytes(String sql, Object... parameters) {
    return (byte[]) first(sql, parameters);
  }

  private static Object first(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * What the driver's split of a batch costs PostgreSQL (issue 18). With {@code
 * reWriteBatchedInserts=true} pgjdbc sends a batch of n rows as one multi-row INSERT per set bit of
 * n (15 rows: 8 + 4 + 2 + 1), so a group's tables go out in one to four statements each. This
 * program inserts batches of n rows into a copy of {@code case_event} (same columns and indexes), one
 * transaction per batch, one connection, for the given seconds, and prints rows/s and PostgreSQL's
 * CPU per row (all its processes, from /proc at 100 ticks a second: run it on the database's host,
 * otherwise idle).
 *
 * <p>{@code java -cp .run/dist/postgresql.jar bench/BatchSplit.java <jdbc url> <user> <password>
 * <rows per batch> <seconds>}, e.g. 16 against 15 and 32 against 31.
 */
public final class BatchSplit {

  private static long postgresTicks() throws Exception {
    long ticks = 0;
    try (var processes = Files.newDirectoryStream(Paths.get("/proc"))) {
      for (Path process : processes) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          if (!Files.readString(process.resolve("cmdline")).startsWith("postgres")) {
            continue;
          }
          String stat = Files.readString(process.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception gone) {
          // a backend that ended meanwhile
        }
      }
    }
    return ticks;
  }

  public static void main(String[] args) throws Exception {
    String url = args[0] + (args[0].contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    int rows = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
      try (Statement s = c.createStatement()) {
        s.execute("drop table if exists batch_split_event");
        s.execute("create table batch_split_event (like case_event including all)");
      }
      c.setAutoCommit(false);
      long id = 1;
      long written = 0;
      OffsetDateTime now = OffsetDateTime.now();
      long start = System.nanoTime();
      long ticksBefore = postgresTicks();
      while (System.nanoTime() - start < seconds * 1_000_000_000L) {
        try (PreparedStatement insert =
            c.prepareStatement(
                "insert into batch_split_event (id, complaint_id, occurred_at, kind, actor,"
                    + " summary, customer_visible, scheduled_for) values (?,?,?,?,?,?,?,?)")) {
          for (int i = 0; i < rows; i++) {
            insert.setLong(1, id++);
            insert.setLong(2, id / 4);
            insert.setObject(3, now);
            insert.setString(4, "REGISTERED");
            insert.setString(5, "system");
            insert.setString(6, "受理登记 Registered from MOBILE_APP.");
            insert.setBoolean(7, true);
            insert.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
            insert.addBatch();
          }
          insert.executeBatch();
        }
        c.commit();
        written += rows;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long ticks = postgresTicks() - ticksBefore;
      System.out.printf(
          "rows_per_batch=%d statements_per_batch=%d rows_per_s=%.0f postgres_us_per_row=%.1f%n",
          rows, Integer.bitCount(rows), written / elapsed, ticks * 10_000.0 / written);
      try (Statement s = c.createStatement()) {
        s.execute("drop table batch_split_event");
      }
      c.commit();
    }
  }
}

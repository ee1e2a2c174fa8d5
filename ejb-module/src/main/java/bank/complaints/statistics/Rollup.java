package bank.complaints.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The change a batch of re-derived cases makes to the day rollups: each case's old facts taken out,
 * its new facts added, applied as increments so that a report never recounts cases.
 */
final class Rollup {

  private record Key(LocalDate day, Dimension dimension, String key) {}

  private record HoursKey(Key key, int hours) {}

  private final Map<Key, long[]> sums = new HashMap<>();
  private final Map<Key, String> labels = new HashMap<>();
  private final Map<HoursKey, Long> hours = new HashMap<>();

  void remove(CaseFacts facts) {
    add(facts, -1);
  }

  void add(CaseFacts facts) {
    add(facts, 1);
  }

  private void add(CaseFacts facts, int sign) {
    long[] values = Measures.of(facts);
    facts
        .memberships()
        .forEach(
            (dimension, keys) -> {
              for (String k : keys) {
                Key key = new Key(facts.day(), dimension, k);
                long[] sum = sums.computeIfAbsent(key, x -> new long[values.length]);
                for (int i = 0; i < values.length; i++) {
                  sum[i] += sign * values[i];
                }
                if (sign > 0) {
                  labels.put(key, facts.label(dimension, k));
                }
                if (facts.concluded() && dimension.hasPercentiles()) {
                  hours.merge(new HoursKey(key, facts.handlingHours()), (long) sign, Long::sum);
                }
              }
            });
  }

  void applyTo(Connection connection) throws SQLException {
    String increments =
        Measures.COLUMNS.stream()
            .map(c -> c + " = " + c + " + ?")
            .collect(Collectors.joining(", "));
    String columns = String.join(", ", Measures.COLUMNS);
    String marks = Measures.COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", "));
    try (PreparedStatement update =
            connection.prepareStatement(
                "update stat_day set "
                    + increments
                    + ", label = coalesce(?, label) where stat_day = ? and dimension = ?"
                    + " and dim_key = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into stat_day (stat_day, dimension, dim_key, label, "
                    + columns
                    + ") values (?, ?, ?, ?, "
                    + marks
                    + ")");
        PreparedStatement empty =
            connection.prepareStatement(
                "delete from stat_day where stat_day = ? and dimension = ? and dim_key = ?"
                    + " and cases = 0")) {
      // In three JDBC batches (a round trip each, not one per row): the increments, then the rows
      // no increment found, then the rows emptied. refreshBatch holds the rollup lock meanwhile.
      List<Map.Entry<Key, long[]>> changed = new ArrayList<>();
      for (Map.Entry<Key, long[]> entry : sums.entrySet()) {
        if (isZero(entry.getValue()) && !labels.containsKey(entry.getKey())) {
          continue;
        }
        int p = 1;
        for (long d : entry.getValue()) {
          update.setLong(p++, d);
        }
        update.setString(p++, labels.get(entry.getKey()));
        where(update, p, entry.getKey());
        update.addBatch();
        changed.add(entry);
      }
      int[] updated = changed.isEmpty() ? new int[0] : update.executeBatch();
      for (int i = 0; i < changed.size(); i++) {
        Key key = changed.get(i).getKey();
        long[] delta = changed.get(i).getValue();
        if (rowsOf(updated[i]) == 0) {
          insert.setObject(1, key.day());
          insert.setString(2, key.dimension().name());
          insert.setString(3, key.key());
          insert.setString(4, labels.getOrDefault(key, key.key()));
          int p = 5;
          for (long d : delta) {
            insert.setLong(p++, d);
          }
          insert.addBatch();
        } else if (delta[Measures.CASES] < 0) {
          where(empty, 1, key);
          empty.addBatch();
        }
      }
      insert.executeBatch();
      empty.executeBatch();
    }
    applyHours(connection);
  }

  private void applyHours(Connection connection) throws SQLException {
    try (PreparedStatement update =
            connection.prepareStatement(
                "update stat_day_hours set cases = cases + ? where stat_day = ? and dimension = ?"
                    + " and dim_key = ? and hours = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into stat_day_hours (stat_day, dimension, dim_key, hours, cases)"
                    + " values (?, ?, ?, ?, ?)");
        PreparedStatement empty =
            connection.prepareStatement(
                "delete from stat_day_hours where stat_day = ? and dimension = ? and dim_key = ?"
                    + " and hours = ? and cases = 0")) {
      List<Map.Entry<HoursKey, Long>> changed = new ArrayList<>();
      for (Map.Entry<HoursKey, Long> entry : hours.entrySet()) {
        if (entry.getValue() == 0) {
          continue;
        }
        update.setLong(1, entry.getValue());
        where(update, 2, entry.getKey().key());
        update.setInt(5, entry.getKey().hours());
        update.addBatch();
        changed.add(entry);
      }
      int[] updated = changed.isEmpty() ? new int[0] : update.executeBatch();
      for (int i = 0; i < changed.size(); i++) {
        HoursKey key = changed.get(i).getKey();
        long delta = changed.get(i).getValue();
        if (rowsOf(updated[i]) == 0) {
          insert.setObject(1, key.key().day());
          insert.setString(2, key.key().dimension().name());
          insert.setString(3, key.key().key());
          insert.setInt(4, key.hours());
          insert.setLong(5, delta);
          insert.addBatch();
        } else if (delta < 0) {
          where(empty, 1, key.key());
          empty.setInt(4, key.hours());
          empty.addBatch();
        }
      }
      insert.executeBatch();
      empty.executeBatch();
    }
  }

  /** A batched update's count; a driver that does not tell cannot be used for the upsert. */
  private static int rowsOf(int count) {
    if (count < 0) {
      throw new IllegalStateException("the JDBC driver did not count a batched update's rows");
    }
    return count;
  }

  private static int where(PreparedStatement statement, int p, Key key) throws SQLException {
    statement.setObject(p++, key.day());
    statement.setString(p++, key.dimension().name());
    statement.setString(p++, key.key());
    return p;
  }

  private static boolean isZero(long[] values) {
    for (long v : values) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }
}

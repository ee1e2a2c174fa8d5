package bank.complaints.statistics;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.complaint.FeedbackType;
import bank.complaints.platform.BankZone;
import bank.complaints.platform.SqlValues;
import bank.complaints.sla.SlaStage;
import bank.complaints.statistics.StatisticsReport.Indicators;
import bank.complaints.statistics.StatisticsReport.Rate;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads a period's report from the day rollups (a few thousand rows a month, whatever the volume).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StatisticsReports {

  /** The longest period one report covers. */
  public static final int MAX_DAYS = 366;

  @Resource(lookup = "jdbc/complaints")
  DataSource dataSource;

  @Inject @BankZone ZoneId bankZone;

  @Inject Clock clock;

  public StatisticsReport month(YearMonth month) {
    return report(
        month.atDay(1),
        month.atEndOfMonth(),
        month.minusMonths(1).atDay(1),
        month.minusMonths(1).atEndOfMonth());
  }

  public StatisticsReport range(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidRequestException(
          "The period ends (" + to + ") before it starts (" + from + ").");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_DAYS) {
      throw new InvalidRequestException(
          "A report covers at most "
              + MAX_DAYS
              + " days; "
              + from
              + " to "
              + to
              + " is "
              + days
              + ".");
    }
    return report(from, to, from.minusDays(days), from.minusDays(1));
  }

  /** The breached and at-risk cases, the {@code limit} with the earliest deadlines. */
  public Attention attention(int limit) {
    try (Connection connection = dataSource.getConnection()) {
      long breached = 0;
      long atRisk = 0;
      try (PreparedStatement statement =
              connection.prepareStatement(
                  "select sum(case when escalations_sent > 0 then 1 else 0 end), count(*)"
                      + " from sla_clock where state = 'RUNNING' and warned = true");
          ResultSet r = statement.executeQuery()) {
        if (r.next()) {
          breached = r.getLong(1);
          atRisk = r.getLong(2) - breached;
        }
      }
      List<Attention.Item> items = new ArrayList<>();
      try (PreparedStatement statement =
          connection.prepareStatement(
              "select c.complaint_number, c.severity, c.department_code, k.stage, k.due_at,"
                  + " k.escalations_sent from sla_clock k join complaint c on c.id ="
                  + " k.complaint_id where k.state = 'RUNNING' and k.warned = true"
                  + " order by k.due_at, k.id limit ?")) {
        statement.setInt(1, limit);
        try (ResultSet r = statement.executeQuery()) {
          while (r.next()) {
            items.add(
                new Attention.Item(
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    SqlValues.instant(r, 5),
                    r.getInt(6) > 0 ? Attention.State.BREACHED : Attention.State.AT_RISK));
          }
        }
      }
      return new Attention(breached, atRisk, items);
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the cases at risk failed: " + e.getMessage(), e);
    }
  }

  private StatisticsReport report(
      LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo) {
    try (Connection connection = dataSource.getConnection()) {
      Map<Dimension, Map<String, Row>> rows = sums(connection, from, to);
      percentiles(connection, from, to, rows);
      Map<String, String> departments = departmentNames(connection);
      Row all =
          rows.getOrDefault(Dimension.ALL, Map.of())
              .getOrDefault(Dimension.NONE, new Row(Dimension.NONE, Dimension.NONE));
      long total = all.sums[Measures.CASES];
      long previous =
          casesPerDay(connection, previousFrom, previousTo).values().stream()
              .mapToLong(Long::longValue)
              .sum();
      StatisticsReport.Trend trend =
          new StatisticsReport.Trend(
              previousFrom,
              previousTo,
              total,
              previous,
              total - previous,
              StatisticsReport.ratio(total - previous, previous));
      long dissatisfied = all.sums[Measures.ANSWERED] - all.sums[Measures.SATISFIED];
      List<StatisticsReport.Reason> reasons =
          sorted(rows.getOrDefault(Dimension.REASON, Map.of())).stream()
              .map(
                  r ->
                      new StatisticsReport.Reason(
                          r.key,
                          r.sums[Measures.CASES],
                          StatisticsReport.ratio(r.sums[Measures.CASES], dissatisfied)))
              .toList();
      return new StatisticsReport(
          from,
          to,
          bankZone.getId(),
          clock.instant(),
          trend,
          indicators(all, total),
          breakdown(rows, Dimension.DEPARTMENT, total, departments),
          breakdown(rows, Dimension.EMPLOYEE, total, Map.of()),
          breakdown(rows, Dimension.CATEGORY, total, Map.of()),
          breakdown(rows, Dimension.CHANNEL, total, Map.of()),
          breakdown(rows, Dimension.SEVERITY, total, Map.of()),
          breakdown(rows, Dimension.CAUSE_TAG, total, Map.of()),
          reasons,
          daily(casesPerDay(connection, from, to), from, to),
          received(connection, from, to, previousFrom, previousTo));
    } catch (SQLException e) {
      throw new IllegalStateException("Reading statistics failed: " + e.getMessage(), e);
    }
  }

  /**
   * R-I2: complaints, suggestions and inquiries received in the period and the one before, counted
   * from the complaints themselves (suggestions and inquiries have no case facts), by the bank's
   * day of receipt like every other figure.
   */
  private List<StatisticsReport.Received> received(
      Connection connection,
      LocalDate from,
      LocalDate to,
      LocalDate previousFrom,
      LocalDate previousTo)
      throws SQLException {
    Map<String, Long> now = receivedByType(connection, from, to);
    Map<String, Long> before = receivedByType(connection, previousFrom, previousTo);
    List<StatisticsReport.Received> received = new ArrayList<>();
    for (FeedbackType type : FeedbackType.values()) {
      received.add(
          new StatisticsReport.Received(
              type.name(),
              now.getOrDefault(type.name(), 0L),
              before.getOrDefault(type.name(), 0L)));
    }
    return received;
  }

  private Map<String, Long> receivedByType(Connection connection, LocalDate from, LocalDate to)
      throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select feedback_type, count(*) from complaint where received_at >= ? and"
                + " received_at < ? group by feedback_type")) {
      statement.setObject(1, from.atStartOfDay(bankZone).toOffsetDateTime());
      statement.setObject(2, to.plusDays(1).atStartOfDay(bankZone).toOffsetDateTime());
      try (ResultSet r = statement.executeQuery()) {
        while (r.next()) {
          counts.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return counts;
  }

  /** The sums of one key over the period, and its handling-hours histogram. */
  private static final class Row {
    final String key;
    String label;
    final long[] sums = new long[Measures.COLUMNS.size()];
    final TreeMap<Integer, Long> hours = new TreeMap<>();

    Row(String key, String label) {
      this.key = key;
      this.label = label;
    }

    /** Nearest rank: the least whole hour within which at least 90 % were concluded. */
    Integer p90() {
      long n = hours.values().stream().mapToLong(Long::longValue).sum();
      if (n == 0) {
        return null;
      }
      long rank = (n * 9 + 9) / 10; // ceil(0.9 n)
      long seen = 0;
      for (Map.Entry<Integer, Long> bucket : hours.entrySet()) {
        seen += bucket.getValue();
        if (seen >= rank) {
          return bucket.getKey();
        }
      }
      return hours.lastKey();
    }
  }

  private Map<Dimension, Map<String, Row>> sums(Connection connection, LocalDate from, LocalDate to)
      throws SQLException {
    String sums =
        Measures.COLUMNS.stream().map(c -> "sum(" + c + ")").collect(Collectors.joining(", "));
    Map<Dimension, Map<String, Row>> rows = new EnumMap<>(Dimension.class);
    eachRow(
        connection,
        "select dimension, dim_key, max(label), "
            + sums
            + " from stat_day where stat_day between ? and ? group by dimension, dim_key",
        from,
        to,
        r -> {
          Row row = new Row(r.getString(2), r.getString(3));
          for (int i = 0; i < row.sums.length; i++) {
            row.sums[i] = r.getLong(4 + i);
          }
          rows.computeIfAbsent(Dimension.valueOf(r.getString(1)), d -> new HashMap<>())
              .put(row.key, row);
        });
    return rows;
  }

  private void percentiles(
      Connection connection, LocalDate from, LocalDate to, Map<Dimension, Map<String, Row>> rows)
      throws SQLException {
    eachRow(
        connection,
        "select dimension, dim_key, hours, sum(cases) from stat_day_hours"
            + " where stat_day between ? and ? group by dimension, dim_key, hours",
        from,
        to,
        r -> {
          Row row =
              rows.getOrDefault(Dimension.valueOf(r.getString(1)), Map.of()).get(r.getString(2));
          if (row != null) {
            row.hours.merge(r.getInt(3), r.getLong(4), Long::sum);
          }
        });
  }

  /** The cases received on each day of the period that had any. */
  private Map<LocalDate, Long> casesPerDay(Connection connection, LocalDate from, LocalDate to)
      throws SQLException {
    Map<LocalDate, Long> cases = new HashMap<>();
    eachRow(
        connection,
        "select stat_day, cases from stat_day where dimension = 'ALL' and stat_day between ? and ?",
        from,
        to,
        r -> cases.put(r.getDate(1).toLocalDate(), r.getLong(2)));
    return cases;
  }

  private static List<StatisticsReport.Day> daily(
      Map<LocalDate, Long> cases, LocalDate from, LocalDate to) {
    List<StatisticsReport.Day> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      days.add(new StatisticsReport.Day(day, cases.getOrDefault(day, 0L)));
    }
    return days;
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /** Runs a query whose two parameters are the period's first and last day. */
  private static void eachRow(
      Connection connection, String sql, LocalDate from, LocalDate to, RowReader reader)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, from);
      statement.setObject(2, to);
      try (ResultSet r = statement.executeQuery()) {
        while (r.next()) {
          reader.read(r);
        }
      }
    }
  }

  private static Map<String, String> departmentNames(Connection connection) throws SQLException {
    Map<String, String> names = new HashMap<>();
    try (PreparedStatement statement =
            connection.prepareStatement("select code, name from department");
        ResultSet r = statement.executeQuery()) {
      while (r.next()) {
        names.put(r.getString(1), r.getString(2));
      }
    }
    return names;
  }

  private static List<Indicators> breakdown(
      Map<Dimension, Map<String, Row>> rows,
      Dimension dimension,
      long total,
      Map<String, String> labels) {
    return sorted(rows.getOrDefault(dimension, Map.of())).stream()
        .map(
            r -> {
              r.label = labels.getOrDefault(r.key, r.label);
              return indicators(r, total);
            })
        .toList();
  }

  private static List<Row> sorted(Map<String, Row> rows) {
    return rows.values().stream()
        .filter(r -> r.sums[Measures.CASES] > 0)
        .sorted(
            Comparator.comparingLong((Row r) -> -r.sums[Measures.CASES]).thenComparing(r -> r.key))
        .toList();
  }

  private static Indicators indicators(Row row, long total) {
    long[] s = row.sums;
    Map<SlaStage, Rate> stages = new EnumMap<>(SlaStage.class);
    long measured = 0;
    long onTime = 0;
    for (SlaStage stage : SlaStage.values()) {
      long m = s[Measures.measured(stage)];
      long ok = s[Measures.onTime(stage)];
      stages.put(stage, Rate.of(ok, m));
      measured += m;
      onTime += ok;
    }
    long concluded = s[Measures.CONCLUDED];
    BigDecimal average =
        concluded == 0
            ? null
            : BigDecimal.valueOf(s[Measures.HANDLING_SECONDS])
                .divide(BigDecimal.valueOf(concluded * 3600L), 2, RoundingMode.HALF_UP);
    return new Indicators(
        row.key,
        row.label,
        s[Measures.CASES],
        StatisticsReport.ratio(s[Measures.CASES], total),
        concluded,
        average,
        row.p90(),
        Rate.of(s[Measures.FIRST_CONTACT], concluded),
        Rate.of(s[Measures.SATISFIED], s[Measures.ANSWERED]),
        Rate.of(s[Measures.BASICALLY_SATISFIED], s[Measures.ANSWERED]),
        Rate.of(s[Measures.SOLVED], s[Measures.SOLVED_ASKED]),
        Rate.of(s[Measures.ESCALATED], s[Measures.CASES]),
        Rate.of(s[Measures.REPEATS], s[Measures.CASES]),
        Rate.of(onTime, measured),
        stages);
  }
}

package bank.complaints.statistics;

import bank.complaints.platform.BankZone;
import bank.complaints.platform.SqlValues;
import bank.complaints.sla.SlaStage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Derives the facts of the complaints marked since the last run, one batch per transaction, and
 * applies the difference to the rollups. Serialised across servers by a row lock.
 */
@ApplicationScoped
public class StatisticsRefresher {

  /** The columns of {@code case_fact} that hold a {@link CaseFacts}, in its order. */
  private static final String FACT_COLUMNS =
      "complaint_id, stat_day, channel, category, severity, department_code, employee_id,"
          + " employee_name, cause_tags, concluded, handling_seconds, first_contact, satisfaction,"
          + " problem_solved, reason, escalated, is_repeat, on_time";

  @Resource(lookup = "jdbc/complaints")
  DataSource dataSource;

  @Inject @BankZone ZoneId bankZone;

  @Inject Clock clock;

  /**
   * One batch in one database transaction, begun and ended here on the connection: the rollup lock
   * is held from the first statement to the commit, so a refresher on another server waits for it
   * and then sees what this one wrote; a failure rolls back the whole batch (facts, rollups and
   * marks), so a retry cannot count a fact twice.
   *
   * @return how many marks were taken (fewer than {@code batch}: nothing more is waiting)
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public int refreshBatch(int batch) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int taken = refreshBatch(connection, batch);
        connection.commit();
        return taken;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Deriving statistics failed: " + e.getMessage(), e);
    }
  }

  private int refreshBatch(Connection connection, int batch) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("select id from stat_refresh_lock where id = 1 for update")) {
      lock.executeQuery().close();
    }
    List<Long> marks = new ArrayList<>();
    Set<Long> ids = new LinkedHashSet<>();
    try (PreparedStatement pending =
        connection.prepareStatement(
            "select id, complaint_id from stat_pending order by id limit " + batch)) {
      try (ResultSet rows = pending.executeQuery()) {
        while (rows.next()) {
          marks.add(rows.getLong(1));
          ids.add(rows.getLong(2));
        }
      }
    }
    if (marks.isEmpty()) {
      return 0;
    }
    Rollup rollup = new Rollup();
    storedFacts(connection, ids).forEach(rollup::remove);
    List<CaseFacts> derived =
        rowsOf(connection, ids).stream().map(r -> CaseFacts.derive(r, bankZone)).toList();
    derived.forEach(rollup::add);
    replaceFacts(connection, ids, derived);
    rollup.applyTo(connection);
    execute(connection, "delete from stat_pending where id in (" + marks(marks) + ")", marks);
    return marks.size();
  }

  private List<CaseFacts.Rows> rowsOf(Connection connection, Set<Long> ids) throws SQLException {
    String in = "(" + marks(ids) + ")";
    Map<Long, Instant> concluded = new HashMap<>();
    query(
        connection,
        "select complaint_id, min(occurred_at) from case_event where kind in ('CLOSED',"
            + " 'REFERRED_OUTSIDE') and complaint_id in "
            + in
            + " group by complaint_id",
        ids,
        r -> concluded.put(r.getLong(1), SqlValues.instant(r, 2)));
    Map<Long, List<CaseFacts.Clock>> clocks = new HashMap<>();
    query(
        connection,
        "select complaint_id, stage, state, due_at, stopped_at, remaining_ms, escalations_sent"
            + " from sla_clock where complaint_id in "
            + in,
        ids,
        r ->
            clocks
                .computeIfAbsent(r.getLong(1), x -> new ArrayList<>())
                .add(
                    new CaseFacts.Clock(
                        SlaStage.valueOf(r.getString(2)),
                        r.getString(3),
                        SqlValues.instant(r, 4),
                        SqlValues.instant(r, 5),
                        nullableLong(r, 6),
                        r.getInt(7))));
    Map<Long, List<CaseFacts.FollowUp>> followUps = new HashMap<>();
    query(
        connection,
        "select complaint_id, satisfaction, problem_solved, outcome, completed_at from work_task"
            + " where kind = 'FOLLOW_UP_CALL' and completed_at is not null and satisfaction is"
            + " not null and complaint_id in "
            + in,
        ids,
        r ->
            followUps
                .computeIfAbsent(r.getLong(1), x -> new ArrayList<>())
                .add(
                    new CaseFacts.FollowUp(
                        r.getString(2),
                        nullableBoolean(r, 3),
                        r.getString(4),
                        SqlValues.instant(r, 5))));
    Map<Long, Set<String>> tags = new HashMap<>();
    query(
        connection,
        "select complaint_id, tag from complaint_cause_tag where complaint_id in " + in,
        ids,
        r -> tags.computeIfAbsent(r.getLong(1), x -> new HashSet<>()).add(r.getString(2)));
    List<CaseFacts.Rows> rows = new ArrayList<>();
    query(
        connection,
        "select id, received_at, channel, category, severity, department_code,"
            + " handler_employee_id, handler_name, reopen_count,"
            + " (select r.first_number from complaint_repeat r where r.complaint_id = c.id),"
            + " supervisor_led from complaint c where feedback_type = 'COMPLAINT' and id in "
            + in,
        ids,
        r -> {
          long id = r.getLong(1);
          rows.add(
              new CaseFacts.Rows(
                  id,
                  SqlValues.instant(r, 2),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  r.getString(8),
                  r.getInt(9),
                  r.getString(10) != null,
                  r.getBoolean(11),
                  concluded.get(id),
                  clocks.getOrDefault(id, List.of()),
                  followUps.getOrDefault(id, List.of()),
                  tags.getOrDefault(id, Set.of())));
        });
    return rows;
  }

  private List<CaseFacts> storedFacts(Connection connection, Set<Long> ids) throws SQLException {
    List<CaseFacts> facts = new ArrayList<>();
    query(
        connection,
        "select " + FACT_COLUMNS + " from case_fact where complaint_id in (" + marks(ids) + ")",
        ids,
        r ->
            facts.add(
                new CaseFacts(
                    r.getLong(1),
                    r.getDate(2).toLocalDate(),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6),
                    r.getString(7),
                    r.getString(8),
                    tags(r.getString(9)),
                    r.getBoolean(10),
                    nullableLong(r, 11),
                    r.getBoolean(12),
                    r.getString(13),
                    nullableBoolean(r, 14),
                    r.getString(15),
                    r.getBoolean(16),
                    r.getBoolean(17),
                    CaseFacts.onTimeOf(r.getString(18)))));
    return facts;
  }

  private void replaceFacts(Connection connection, Set<Long> ids, List<CaseFacts> facts)
      throws SQLException {
    execute(connection, "delete from case_fact where complaint_id in (" + marks(ids) + ")", ids);
    Timestamp now = Timestamp.from(clock.instant());
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into case_fact ("
                + FACT_COLUMNS
                + ", derived_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (CaseFacts f : facts) {
        insert.setLong(1, f.complaintId());
        insert.setObject(2, f.day());
        insert.setString(3, f.channel());
        insert.setString(4, f.category());
        insert.setString(5, f.severity());
        insert.setString(6, f.department());
        insert.setString(7, f.employeeId());
        insert.setString(8, f.employeeName());
        insert.setString(9, String.join(",", f.causeTags()));
        insert.setBoolean(10, f.concluded());
        insert.setObject(11, f.handlingSeconds());
        insert.setBoolean(12, f.firstContact());
        insert.setString(13, f.satisfaction());
        insert.setObject(14, f.problemSolved(), java.sql.Types.BOOLEAN);
        insert.setString(15, f.reason());
        insert.setBoolean(16, f.escalated());
        insert.setBoolean(17, f.repeat());
        insert.setString(18, f.onTimeCode());
        insert.setTimestamp(19, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private static void query(
      Connection connection, String sql, Iterable<Long> parameters, RowReader reader)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  private static void execute(Connection connection, String sql, Iterable<Long> parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      statement.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, Iterable<Long> parameters)
      throws SQLException {
    int p = 1;
    for (Long value : parameters) {
      statement.setLong(p++, value);
    }
  }

  private static String marks(java.util.Collection<Long> values) {
    return values.stream().map(v -> "?").collect(Collectors.joining(", "));
  }

  /* Issue 18: the typed getters, not getObject(column, type): see SqlValues#instant. */
  private static Long nullableLong(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static Boolean nullableBoolean(ResultSet row, int column) throws SQLException {
    boolean value = row.getBoolean(column);
    return row.wasNull() ? null : value;
  }

  private static TreeSet<String> tags(String joined) {
    TreeSet<String> tags = new TreeSet<>();
    if (joined != null && !joined.isEmpty()) {
      tags.addAll(Arrays.asList(joined.split(",")));
    }
    return tags;
  }
}

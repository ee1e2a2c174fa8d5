package bank.complaints.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-M1, R-M4: a generated month of 10,000 complaints (and part of the month before), written as raw
 * rows straight into the database the way the application keeps them, and the report the API serves
 * compared figure by figure with what this test computes from those rows on its own.
 *
 * <p>The rows are random but valid: open and concluded cases, cases referred outside, reopened
 * ones, repeats, supervisor-led ones, clocks running, paused, stopped in time, stopped late and
 * stopped while paused, escalated clocks, follow-up calls answered once or twice, and suggestions
 * that are not complaints at all. The month is a random one long past, so no other test's cases
 * fall into it; the seed is printed to repeat a failure.
 */
class StatisticsIT extends SystemTest {

  private static final ZoneId BANK = ZoneId.of("Asia/Shanghai");
  private static final int MONTH_CASES = 10_000;
  private static final int PREVIOUS_MONTH_CASES = 1_500;

  private static final String[] CHANNELS = {
    "WEB_FORM",
    "MOBILE_APP",
    "WECHAT",
    "ONLINE_CHAT",
    "SMS",
    "HOTLINE",
    "BRANCH_COUNTER",
    "SELF_SERVICE_TERMINAL",
    "LETTER",
    "PARTNER_AGENT",
    "PARTNER_PLATFORM"
  };
  private static final String[] CATEGORIES = {
    "PRODUCT", "SERVICE", "FEES", "SYSTEM", "SECURITY", "OTHER"
  };
  private static final String[] SEVERITIES = {"GREEN", "GREEN", "GREEN", "YELLOW", "RED"};
  private static final String[] DEPARTMENTS = {
    "CSC", "EBANK", "OPS", "CARDS", "RETAIL_LENDING", "WEALTH"
  };
  private static final String[] STAGES = {
    "REGISTRATION",
    "CUSTOMER_CONTACT",
    "INVESTIGATION_START",
    "FIRST_FINDINGS",
    "INVESTIGATION",
    "APPROVAL",
    "CUSTOMER_ANSWER",
    "EXECUTION",
    "FOLLOW_UP_CALL",
    "REGULATOR_DECISION",
    "CASE_RESOLUTION"
  };
  private static final String[] TAGS = {
    "BUSINESS_PROCESSING_ERROR",
    "INCONSISTENT_ANSWERS",
    "LONG_WAIT_SIMPLE_BUSINESS",
    "LONG_WAIT_COMPLEX_BUSINESS",
    "IDLE_COUNTERS_NOT_CALLING",
    "CLOSED_COUNTERS",
    "OTHER"
  };
  private static final String[] ANSWERS = {"SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED"};
  private static final String[] OUTCOMES = {
    "问题没有解决 The problem is not solved",
    "处理时间太长 It took too long",
    "补偿太少, 不认可结果 Too little compensation, result not accepted",
    "客服态度差 \"rude\" staff",
    "已解释清楚 Explained"
  };

  @Test
  @DisplayName(
      "R-M4 a handler's name starting with =, +, - or @ reaches the CSV as text, prefixed with ',"
          + " never as a formula a spreadsheet would run; numbers stay numbers")
  void csvCellsNeverRunAsFormulas() throws Exception {
    Map<String, String> names = new LinkedHashMap<>();
    String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    List<String> formulas =
        List.of("=HYPERLINK(\"http://x.example\")", "+1+1", "-2+3+cmd", "@SUM(A1)", "-3");
    for (int i = 0; i < formulas.size(); i++) {
      String employee = "F" + run + i;
      names.put(employee, formulas.get(i));
      HttpResponse<String> created =
          Api.postJson("/api/v1/complaints", ComplaintJson.aComplaint().json());
      assertEquals(201, created.statusCode(), created.body());
      String number = Api.json(created).getString("number");
      HttpResponse<String> named =
          Api.putJson(
              "/api/v1/complaints/" + number + "/handler",
              Json.createObjectBuilder()
                  .add(
                      "handler",
                      Json.createObjectBuilder()
                          .add("name", formulas.get(i))
                          .add("employeeId", employee))
                  .build()
                  .toString());
      assertEquals(200, named.statusCode(), named.body());
    }
    Statistics.awaitRefresh(Duration.ofMinutes(1));
    LocalDate today = TestClock.today();
    HttpResponse<String> csv = Api.get("/api/v1/statistics/csv?from=" + today + "&to=" + today);
    assertEquals(200, csv.statusCode(), csv.body());
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (List<String> cells : Csv.parse(csv.body().substring(1))) { // after the BOM
      if (cells.size() > 5 && "EMPLOYEE".equals(cells.get(2))) {
        rows.put(cells.get(3), cells);
      }
    }
    names.forEach(
        (employee, name) -> {
          List<String> row = rows.get(employee);
          assertNotNull(row, employee + " in " + csv.body());
          assertEquals(
              name.equals("-3") ? "-3" : "'" + name,
              row.get(4),
              "a formula's text is prefixed; a plain number is left as it is");
          assertEquals("1", row.get(5), "the count is a number");
        });
  }

  @Test
  @DisplayName(
      "R-M1 R-M3 R-M4 R-G3 R-I2 R-F8 a generated month of 10,000 complaints: every figure of the report"
          + " (per department, employee, category, channel, severity and cause tag, and the"
          + " suggestions and inquiries counted beside the complaints) agrees with the raw rows, as"
          + " JSON and as CSV, and for a range of days")
  void aGeneratedMonthAgreesWithItsRows() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    YearMonth month = YearMonth.of(2001 + random.nextInt(19), 1 + random.nextInt(12));
    System.out.println("StatisticsIT: seed " + seed + ", month " + month);
    try (Connection db = Database.connect()) {
      db.setAutoCommit(false);
      Generator generator = new Generator(db, random);
      generator.month(month.minusMonths(1), PREVIOUS_MONTH_CASES);
      generator.month(month, MONTH_CASES);
      generator.flush();
      db.commit();
    }
    Statistics.awaitRefresh(Duration.ofMinutes(3));

    // The month, against the month before.
    LocalDate from = month.atDay(1);
    LocalDate to = month.atEndOfMonth();
    Expected expected = Expected.of(from, to);
    assertTrue(expected.total() >= MONTH_CASES * 9 / 10, "complaints, not suggestions, counted");
    HttpResponse<String> response = Api.get("/api/v1/statistics?month=" + month);
    assertEquals(200, response.statusCode(), response.body());
    JsonObject report = Api.json(response);
    assertEquals(from.toString(), report.getString("from"));
    assertEquals(to.toString(), report.getString("to"));
    expected.check(report);
    Expected previous =
        Expected.of(month.minusMonths(1).atDay(1), month.minusMonths(1).atEndOfMonth());
    checkTrend(report.getJsonObject("trend"), expected.total(), previous.total());
    expected.checkReceived(report, previous);
    assertTrue(
        previous.received.getOrDefault("SUGGESTION", 0L) > 0
            && expected.received.getOrDefault("INQUIRY", 0L) > 0,
        "R-I2 the generated months hold suggestions and inquiries: " + expected.received);

    // The same as CSV.
    HttpResponse<String> csv = Api.get("/api/v1/statistics/csv?month=" + month);
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    expected.checkCsv(csv.body(), previous.total());

    // Any range of days: the 3rd to the 12th, against the ten days before (partly last month).
    LocalDate rangeFrom = from.plusDays(2);
    LocalDate rangeTo = from.plusDays(11);
    Expected range = Expected.of(rangeFrom, rangeTo);
    JsonObject rangeReport =
        Api.json(Api.get("/api/v1/statistics?from=" + rangeFrom + "&to=" + rangeTo));
    range.check(rangeReport);
    checkTrend(
        rangeReport.getJsonObject("trend"),
        range.total(),
        Expected.of(rangeFrom.minusDays(10), rangeFrom.minusDays(1)).total());
  }

  @Test
  @DisplayName("R-M1 a complaint registered through the API is in today's figures within seconds")
  void aNewComplaintIsCountedWithinSeconds() throws Exception {
    // Today and tomorrow: a complaint sent a moment before midnight is counted on either.
    LocalDate today = TestClock.today();
    String path = "/api/v1/statistics?from=" + today + "&to=" + today.plusDays(1);
    Statistics.awaitRefresh(Duration.ofMinutes(3));
    long before =
        Api.json(Api.get(path)).getJsonObject("overall").getJsonNumber("cases").longValue();
    HttpResponse<String> submitted =
        Api.postJson("/api/v1/complaints", ComplaintJson.aComplaint().json());
    assertEquals(201, submitted.statusCode(), submitted.body());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long after = before;
    while (after != before + 1 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      after = Api.json(Api.get(path)).getJsonObject("overall").getJsonNumber("cases").longValue();
    }
    assertEquals(before + 1, after, "today's count grows by the one complaint");
    String metrics = Api.get("/metrics?scope=application").body();
    assertTrue(metrics.contains("complaints_statistics_pending"), "operations see the backlog");
  }

  @Test
  @DisplayName(
      "R-M1 a refresh that fails half-way leaves nothing behind: no fact without its rollup, the"
          + " mark kept, and the retry counts the complaint once")
  void aFailedRefreshIsUndoneWhole() throws Exception {
    String subject = "half-way refresh " + UUID.randomUUID();
    String facts =
        "select count(*) from case_fact f join complaint c on c.id = f.complaint_id"
            + " where c.subject = ?";
    String pending =
        "select count(*) from stat_pending p join complaint c on c.id = p.complaint_id"
            + " where c.subject = ?";
    LocalDate today = TestClock.today();
    Statistics.awaitRefresh(Duration.ofMinutes(1));
    // The rollups' table away: a refresh derives the facts, then fails writing the rollups.
    Database.update("alter table stat_day rename to stat_day_away");
    try {
      HttpResponse<String> submitted =
          Api.postJson("/api/v1/complaints", ComplaintJson.aComplaint().about(subject).json());
      assertEquals(201, submitted.statusCode(), submitted.body());
      Thread.sleep(5_000); // two refresh ticks and more
      assertEquals(1, Database.count(pending, subject), "the mark is kept for a retry");
      assertEquals(0, Database.count(facts, subject), "no fact written without its rollup");
    } finally {
      Database.update("alter table stat_day_away rename to stat_day");
    }
    Statistics.awaitRefresh(Duration.ofMinutes(1));
    assertEquals(1, Database.count(facts, subject), "derived by the retry");
    Expected expected = Expected.of(today.minusDays(1), today.plusDays(1));
    expected.check(
        Api.json(
            Api.get("/api/v1/statistics?from=" + today.minusDays(1) + "&to=" + today.plusDays(1))));
  }

  @Test
  @DisplayName(
      "R-M1 a period asked for wrongly is a problem: 400 when malformed, 422 when it cannot be"
          + " reported")
  void badPeriodsAreRefused() {
    Map<String, Integer> queries = new LinkedHashMap<>();
    queries.put("month=2026-13", 400);
    queries.put("month=last", 400);
    queries.put("from=2026-10-01", 400);
    queries.put("month=2026-10&from=2026-10-01&to=2026-10-02", 400);
    queries.put("from=2026-02-30&to=2026-03-01", 400);
    queries.put("from=2026-10-10&to=2026-10-01", 422);
    queries.put("from=2025-01-01&to=2026-10-01", 422);
    queries.forEach(
        (query, status) -> {
          for (String path : List.of("/api/v1/statistics?", "/api/v1/statistics/csv?")) {
            HttpResponse<String> response = Api.get(path + query);
            assertEquals(status, response.statusCode(), path + query + ": " + response.body());
            assertTrue(
                response.headers().firstValue("Content-Type").orElse("").contains("problem+json"),
                path + query);
          }
        });
    assertEquals(400, Api.get("/api/v1/statistics/attention?limit=0").statusCode());
  }

  @Test
  @DisplayName(
      "R-P1 the attention list holds the running clocks already warned, earliest deadline first,"
          + " breached apart from at risk; not the clocks that are not warned or have stopped")
  void attentionListsTheWarnedRunningClocksByDeadline() throws InterruptedException {
    String breached = registered();
    String atRisk = registered();
    String notWarned = registered();
    String stopped = registered();
    // Their facts derived first, so that the clocks changed (and put back) below leave the
    // statistics other tests compare as they were.
    Statistics.awaitRefresh(Duration.ofMinutes(1));
    // Deadlines before any other test's, so that these lead the list.
    OffsetDateTime early = OffsetDateTime.parse("2001-01-01T00:00:00Z");
    List<Object[]> changed = new ArrayList<>();
    try {
      changed.add(change(breached, early.plusMinutes(1), true, 1, "RUNNING"));
      changed.add(change(atRisk, early, true, 0, "RUNNING"));
      changed.add(change(stopped, early.minusMinutes(2), true, 1, "STOPPED"));
      changed.add(change(notWarned, early.minusMinutes(1), false, 0, "RUNNING"));

      HttpResponse<String> answer = Api.get("/api/v1/statistics/attention?limit=2");
      assertEquals(200, answer.statusCode(), answer.body());
      JsonObject attention = Api.json(answer);
      JsonArray cases = attention.getJsonArray("cases");
      assertEquals(2, cases.size(), answer.body());
      assertEquals(atRisk, cases.getJsonObject(0).getString("number"), answer.body());
      assertEquals("AT_RISK", cases.getJsonObject(0).getString("state"));
      assertEquals(
          early.toInstant(), Instant.parse(cases.getJsonObject(0).getString("dueAt")), "due");
      assertEquals(breached, cases.getJsonObject(1).getString("number"), answer.body());
      assertEquals("BREACHED", cases.getJsonObject(1).getString("state"));
      assertTrue(attention.getJsonNumber("breached").longValue() >= 1, answer.body());
      assertTrue(attention.getJsonNumber("atRisk").longValue() >= 1, answer.body());
    } finally {
      for (Object[] clock : changed) {
        Database.update(
            "update sla_clock set due_at = ?, warned = ?, escalations_sent = ?, state = ?"
                + " where id = ?",
            clock);
      }
    }
    if ("postgresql".equals(Runtime.database())) {
      // V39: the list is read from an index of exactly these clocks, which no registration writes.
      assertEquals(
          "CREATE INDEX sla_clock_attention_idx ON public.sla_clock USING btree (due_at, id)"
              + " WHERE (((state)::text = 'RUNNING'::text) AND (warned = true))",
          Database.text(
              "select indexdef from pg_indexes where indexname = 'sla_clock_attention_idx'"
                  + " and schemaname = current_schema()"));
      assertEquals(
          0,
          Database.count(
              "select count(*) from pg_indexes where indexname = 'sla_clock_state_due_idx'"
                  + " and schemaname = current_schema()"),
          "the index of every clock by state is gone");
    }
  }

  private static String registered() {
    HttpResponse<String> created =
        Api.postJson("/api/v1/complaints", ComplaintJson.aComplaint().json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created).getString("number");
  }

  /**
   * Changes the complaint's first running clock; returns what puts it back: the earlier due time,
   * warned, escalations sent and state, then its id.
   */
  private static Object[] change(
      String number, OffsetDateTime due, boolean warned, int escalations, String state) {
    try (Connection db = Database.connect();
        PreparedStatement read =
            db.prepareStatement(
                "select k.due_at, k.warned, k.escalations_sent, k.state, k.id from sla_clock k"
                    + " join complaint c on c.id = k.complaint_id where c.complaint_number = ?"
                    + " and k.state = 'RUNNING' order by k.id fetch first 1 rows only")) {
      read.setString(1, number);
      Object[] before;
      try (ResultSet r = read.executeQuery()) {
        assertTrue(r.next(), "a running clock of " + number);
        before =
            new Object[] {
              r.getObject(1, OffsetDateTime.class),
              r.getBoolean(2),
              r.getInt(3),
              r.getString(4),
              r.getLong(5)
            };
      }
      Database.update(
          "update sla_clock set due_at = ?, warned = ?, escalations_sent = ?, state = ?"
              + " where id = ?",
          due,
          warned,
          escalations,
          state,
          before[4]);
      return before;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static void checkTrend(JsonObject trend, long cases, long previous) {
    assertEquals(cases, trend.getJsonNumber("cases").longValue(), "cases");
    assertEquals(previous, trend.getJsonNumber("previousCases").longValue(), "previous cases");
    assertEquals(cases - previous, trend.getJsonNumber("change").longValue(), "change");
    assertDecimal(ratio(cases - previous, previous), trend, "changeRate", "change rate");
  }

  // ---------------------------------------------------------------------------------------------
  // The expected figures, computed here from the raw rows.

  /** The additive figures of one key. */
  private static final class Sums {
    String label;
    long cases;
    long concluded;
    long handlingSeconds;
    final List<Long> handlingHours = new ArrayList<>();
    long firstContact;
    long answered;
    long satisfied;
    long basicallySatisfied;
    long solvedAsked;
    long solved;
    long escalated;
    long repeats;
    final long[] measured = new long[STAGES.length];
    final long[] onTime = new long[STAGES.length];
  }

  /** One complaint as its rows say. */
  private record Case(
      long id,
      LocalDate day,
      Map<String, List<String>> keys,
      String employeeName,
      Long handlingSeconds,
      boolean firstContact,
      String answer,
      Boolean problemSolved,
      boolean escalated,
      boolean repeat,
      Boolean[] onTime) {}

  static final class Expected {
    final Map<String, Map<String, Sums>> dimensions = new TreeMap<>();
    final Map<String, Long> reasons = new TreeMap<>();
    final Map<LocalDate, Long> daily = new TreeMap<>();

    /** R-I2: complaints, suggestions and inquiries received, as the rows say. */
    final Map<String, Long> received = new TreeMap<>();

    final LocalDate from;
    final LocalDate to;

    private Expected(LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
    }

    static Expected of(LocalDate from, LocalDate to) throws SQLException {
      Expected expected = new Expected(from, to);
      for (Case c : cases(from, to)) {
        expected.daily.merge(c.day(), 1L, Long::sum);
        c.keys()
            .forEach(
                (dimension, keys) -> {
                  for (String key : keys) {
                    Sums sums =
                        expected
                            .dimensions
                            .computeIfAbsent(dimension, d -> new TreeMap<>())
                            .computeIfAbsent(key, k -> new Sums());
                    sums.label = "EMPLOYEE".equals(dimension) ? c.employeeName() : key;
                    sums.cases++;
                    if (c.handlingSeconds() != null) {
                      sums.concluded++;
                      sums.handlingSeconds += c.handlingSeconds();
                      if (!dimension.equals("EMPLOYEE")) {
                        sums.handlingHours.add(percentileHours(c.handlingSeconds()));
                      }
                    }
                    sums.firstContact += c.firstContact() ? 1 : 0;
                    sums.answered += c.answer() == null ? 0 : 1;
                    sums.satisfied +=
                        c.answer() != null && !c.answer().equals("DISSATISFIED") ? 1 : 0;
                    sums.basicallySatisfied += "BASICALLY_SATISFIED".equals(c.answer()) ? 1 : 0;
                    sums.solvedAsked += c.problemSolved() == null ? 0 : 1;
                    sums.solved += Boolean.TRUE.equals(c.problemSolved()) ? 1 : 0;
                    sums.escalated += c.escalated() ? 1 : 0;
                    sums.repeats += c.repeat() ? 1 : 0;
                    for (int s = 0; s < STAGES.length; s++) {
                      if (c.onTime()[s] != null) {
                        sums.measured[s]++;
                        sums.onTime[s] += c.onTime()[s] ? 1 : 0;
                      }
                    }
                  }
                });
      }
      for (Map.Entry<String, Sums> reason :
          expected.dimensions.getOrDefault("REASON", Map.of()).entrySet()) {
        expected.reasons.put(reason.getKey(), reason.getValue().cases);
      }
      expected.dimensions.remove("REASON");
      expected.received.putAll(receivedByType(from, to));
      return expected;
    }

    long total() {
      Sums all = dimensions.getOrDefault("ALL", Map.of()).get("-");
      return all == null ? 0 : all.cases;
    }

    /** R-I2: each feedback type's count, the period's and the one before's, as the rows say. */
    void checkReceived(JsonObject report, Expected previous) {
      JsonArray served = report.getJsonArray("byFeedbackType");
      assertEquals(3, served.size(), served.toString());
      for (JsonValue value : served) {
        JsonObject type = value.asJsonObject();
        String name = type.getString("feedbackType");
        assertEquals(
            received.getOrDefault(name, 0L), type.getJsonNumber("received").longValue(), name);
        assertEquals(
            previous.received.getOrDefault(name, 0L),
            type.getJsonNumber("previous").longValue(),
            name + " before");
      }
      assertEquals(total(), received.getOrDefault("COMPLAINT", 0L), "complaints are the cases");
    }

    void check(JsonObject report) {
      long total = total();
      checkIndicators(
          "ALL/-", dimensions.get("ALL").get("-"), report.getJsonObject("overall"), total);
      Map<String, String> arrays =
          Map.of(
              "DEPARTMENT", "byDepartment",
              "EMPLOYEE", "byEmployee",
              "CATEGORY", "byCategory",
              "CHANNEL", "byChannel",
              "SEVERITY", "bySeverity",
              "CAUSE_TAG", "byCauseTag");
      arrays.forEach(
          (dimension, field) -> {
            Map<String, Sums> keys = dimensions.getOrDefault(dimension, Map.of());
            JsonArray served = report.getJsonArray(field);
            Map<String, JsonObject> byKey = new HashMap<>();
            for (JsonValue value : served) {
              byKey.put(value.asJsonObject().getString("key"), value.asJsonObject());
            }
            assertEquals(keys.keySet(), byKey.keySet(), dimension + " keys");
            keys.forEach(
                (key, sums) -> checkIndicators(dimension + "/" + key, sums, byKey.get(key), total));
            if ("EMPLOYEE".equals(dimension)) {
              keys.forEach(
                  (key, sums) ->
                      assertEquals(
                          sums.label, byKey.get(key).getString("label"), "name of " + key));
            }
          });
      Sums all = dimensions.get("ALL").get("-");
      Map<String, JsonObject> reasonsServed = new HashMap<>();
      for (JsonValue value : report.getJsonArray("dissatisfactionReasons")) {
        reasonsServed.put(value.asJsonObject().getString("reason"), value.asJsonObject());
      }
      assertEquals(reasons.keySet(), reasonsServed.keySet(), "reasons");
      reasons.forEach(
          (reason, cases) -> {
            JsonObject served = reasonsServed.get(reason);
            assertEquals(cases, served.getJsonNumber("cases").longValue(), reason);
            assertDecimal(ratio(cases, all.answered - all.satisfied), served, "share", reason);
          });
      JsonArray days = report.getJsonArray("daily");
      assertEquals(java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1, days.size());
      for (JsonValue value : days) {
        LocalDate day = LocalDate.parse(value.asJsonObject().getString("day"));
        assertEquals(
            daily.getOrDefault(day, 0L),
            value.asJsonObject().getJsonNumber("cases").longValue(),
            "cases on " + day);
      }
    }

    void checkCsv(String body, long previousTotal) {
      assertTrue(body.startsWith("\uFEFF"), "a byte-order mark for spreadsheets");
      List<List<String>> rows = Csv.parse(body.substring(1));
      List<String> header = rows.get(0);
      assertEquals(
          List.of("from", "to", "dimension", "key", "label", "cases"), header.subList(0, 6));
      int dimension = header.indexOf("dimension");
      int key = header.indexOf("key");
      int cases = header.indexOf("cases");
      int share = header.indexOf("share");
      int p90 = header.indexOf("p90_handling_hours");
      int onTime = header.indexOf("on_time_rate");
      int satisfaction = header.indexOf("satisfaction_rate");
      int basically = header.indexOf("basically_satisfied_rate");
      int solved = header.indexOf("problem_solved_rate");
      long total = total();
      int indicatorRows = 0;
      Set<String> seen = new HashSet<>();
      for (List<String> row : rows.subList(1, rows.size())) {
        assertEquals(header.size(), row.size(), "cells in " + row);
        String d = row.get(dimension);
        switch (d) {
          case "PREVIOUS" -> assertEquals(previousTotal, Long.parseLong(row.get(cases)));
          case "FEEDBACK_TYPE" ->
              assertEquals(
                  received.getOrDefault(row.get(key), 0L),
                  Long.parseLong(row.get(cases)),
                  row.toString());
          case "REASON" -> assertEquals(reasons.get(row.get(key)), Long.parseLong(row.get(cases)));
          case "DAY" ->
              assertEquals(
                  daily.getOrDefault(LocalDate.parse(row.get(key)), 0L),
                  Long.parseLong(row.get(cases)));
          default -> {
            Sums sums = dimensions.get(d).get(row.get(key));
            String where = d + "/" + row.get(key) + " in the CSV";
            assertEquals(sums.cases, Long.parseLong(row.get(cases)), where);
            assertEquals(text(ratio(sums.cases, total)), row.get(share), where);
            assertEquals(text(p90(sums)), row.get(p90), where);
            assertEquals(text(onTimeRate(sums)), row.get(onTime), where);
            assertEquals(text(ratio(sums.satisfied, sums.answered)), row.get(satisfaction), where);
            assertEquals(
                text(ratio(sums.basicallySatisfied, sums.answered)), row.get(basically), where);
            assertEquals(text(ratio(sums.solved, sums.solvedAsked)), row.get(solved), where);
            assertTrue(seen.add(d + "/" + row.get(key)), "once: " + where);
            indicatorRows++;
          }
        }
      }
      int keys = dimensions.values().stream().mapToInt(Map::size).sum();
      assertEquals(keys, indicatorRows, "one CSV row per dimension and key");
      assertTrue(
          body.contains("\"补偿太少, 不认可结果 Too little compensation, result not accepted\"")
              || !reasons.containsKey("补偿太少, 不认可结果 Too little compensation, result not accepted"),
          "a reason with a comma is quoted");
    }

    private static void checkIndicators(String where, Sums sums, JsonObject served, long total) {
      assertEquals(sums.cases, served.getJsonNumber("cases").longValue(), where + " cases");
      assertDecimal(ratio(sums.cases, total), served, "share", where);
      assertEquals(sums.concluded, served.getJsonNumber("concluded").longValue(), where);
      BigDecimal average =
          sums.concluded == 0
              ? null
              : BigDecimal.valueOf(sums.handlingSeconds)
                  .divide(BigDecimal.valueOf(sums.concluded * 3600), 2, RoundingMode.HALF_UP);
      assertDecimal(average, served, "averageHandlingHours", where);
      Long p90 = p90(sums);
      if (p90 == null) {
        assertTrue(absent(served, "p90HandlingHours"), where + " p90");
      } else {
        assertEquals(p90.longValue(), served.getJsonNumber("p90HandlingHours").longValue(), where);
      }
      rate(
          where + " first contact",
          sums.firstContact,
          sums.concluded,
          served,
          "firstContactResolution");
      rate(where + " satisfaction", sums.satisfied, sums.answered, served, "satisfaction");
      rate(
          where + " basically satisfied",
          sums.basicallySatisfied,
          sums.answered,
          served,
          "basicallySatisfied");
      rate(where + " problem solved", sums.solved, sums.solvedAsked, served, "problemSolved");
      rate(where + " escalation", sums.escalated, sums.cases, served, "escalation");
      rate(where + " repeat", sums.repeats, sums.cases, served, "repeat");
      long measured = 0;
      long onTime = 0;
      JsonObject stages = served.getJsonObject("onTimeByStage");
      for (int s = 0; s < STAGES.length; s++) {
        rate(where + " " + STAGES[s], sums.onTime[s], sums.measured[s], stages, STAGES[s]);
        measured += sums.measured[s];
        onTime += sums.onTime[s];
      }
      rate(where + " on time", onTime, measured, served, "onTime");
    }

    private static void rate(String where, long count, long of, JsonObject parent, String field) {
      JsonObject rate = parent.getJsonObject(field);
      assertEquals(count, rate.getJsonNumber("count").longValue(), where + " count");
      assertEquals(of, rate.getJsonNumber("of").longValue(), where + " of");
      assertDecimal(ratio(count, of), rate, "rate", where);
    }

    /** Hours up to three days, whole days (in hours) beyond; both rounded up. */
    private static long percentileHours(long seconds) {
      BigDecimal hours =
          BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 0, RoundingMode.CEILING);
      if (hours.longValue() <= 72) {
        return hours.longValue();
      }
      return BigDecimal.valueOf(seconds)
              .divide(BigDecimal.valueOf(86400), 0, RoundingMode.CEILING)
              .longValue()
          * 24;
    }

    /** Nearest rank, counted here on the sorted hours; none per employee. */
    private static Long p90(Sums sums) {
      if (sums.handlingHours.isEmpty()) {
        return null;
      }
      List<Long> hours = new ArrayList<>(sums.handlingHours);
      Collections.sort(hours);
      int rank =
          new BigDecimal("0.9")
              .multiply(BigDecimal.valueOf(hours.size()))
              .setScale(0, RoundingMode.CEILING)
              .intValueExact();
      return hours.get(rank - 1);
    }

    private static BigDecimal onTimeRate(Sums sums) {
      long measured = 0;
      long onTime = 0;
      for (int s = 0; s < STAGES.length; s++) {
        measured += sums.measured[s];
        onTime += sums.onTime[s];
      }
      return ratio(onTime, measured);
    }

    private static String text(Object value) {
      if (value == null) {
        return "";
      }
      return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
  }

  /**
   * R-I2: what was received of each feedback type on the bank's days {@code from} to {@code to}.
   */
  private static Map<String, Long> receivedByType(LocalDate from, LocalDate to)
      throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection db = Database.connect();
        PreparedStatement statement =
            db.prepareStatement(
                "select feedback_type, count(*) from complaint where received_at >= ? and"
                    + " received_at < ? group by feedback_type")) {
      statement.setTimestamp(1, Timestamp.from(from.atStartOfDay(BANK).toInstant()));
      statement.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(BANK).toInstant()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  /** The complaints received on the bank's days {@code from} to {@code to}, as their rows say. */
  private static List<Case> cases(LocalDate from, LocalDate to) throws SQLException {
    Timestamp start = Timestamp.from(from.atStartOfDay(BANK).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(BANK).toInstant());
    String inRange =
        "select id from complaint where feedback_type = 'COMPLAINT' and received_at >= ?"
            + " and received_at < ?";
    try (Connection db = Database.connect()) {
      Map<Long, Instant> concluded = new HashMap<>();
      read(
          db,
          "select complaint_id, occurred_at from case_event where kind in ('CLOSED',"
              + " 'REFERRED_OUTSIDE') and complaint_id in ("
              + inRange
              + ")",
          start,
          end,
          r -> concluded.merge(r.getLong(1), instant(r, 2), (a, b) -> a.isBefore(b) ? a : b));
      Map<Long, List<Object[]>> clocks = new HashMap<>();
      read(
          db,
          "select complaint_id, stage, state, due_at, stopped_at, remaining_ms, escalations_sent"
              + " from sla_clock where complaint_id in ("
              + inRange
              + ")",
          start,
          end,
          r ->
              clocks
                  .computeIfAbsent(r.getLong(1), x -> new ArrayList<>())
                  .add(
                      new Object[] {
                        r.getString(2),
                        r.getString(3),
                        instant(r, 4),
                        instant(r, 5),
                        r.getObject(6),
                        r.getInt(7)
                      }));
      Map<Long, Object[]> lastAnswer = new HashMap<>();
      read(
          db,
          "select complaint_id, satisfaction, outcome, completed_at, problem_solved from work_task"
              + " where kind ="
              + " 'FOLLOW_UP_CALL' and complaint_id in ("
              + inRange
              + ")",
          start,
          end,
          r -> {
            Instant at = instant(r, 4);
            if (at == null || r.getString(2) == null) {
              return;
            }
            Object[] answer = {r.getString(2), r.getString(3), at, r.getObject(5, Boolean.class)};
            lastAnswer.merge(
                r.getLong(1), answer, (a, b) -> ((Instant) a[2]).isAfter((Instant) b[2]) ? a : b);
          });
      Map<Long, List<String>> tags = new HashMap<>();
      read(
          db,
          "select complaint_id, tag from complaint_cause_tag where complaint_id in ("
              + inRange
              + ")",
          start,
          end,
          r -> tags.computeIfAbsent(r.getLong(1), x -> new ArrayList<>()).add(r.getString(2)));
      List<Case> cases = new ArrayList<>();
      read(
          db,
          "select id, received_at, channel, category, severity, department_code,"
              + " handler_employee_id, handler_name, reopen_count,"
              + " (select r.first_number from complaint_repeat r where r.complaint_id = c.id),"
              + " supervisor_led from complaint c where feedback_type = 'COMPLAINT' and"
              + " received_at >= ? and received_at < ?",
          start,
          end,
          r -> {
            long id = r.getLong(1);
            Instant received = instant(r, 2);
            Instant closedAt = concluded.get(id);
            Long seconds =
                closedAt == null ? null : Duration.between(received, closedAt).getSeconds();
            int reopened = r.getInt(9);
            Object[] answer = lastAnswer.get(id);
            String answered = answer == null ? null : (String) answer[0];
            List<Object[]> caseClocks = clocks.getOrDefault(id, List.of());
            boolean escalated =
                reopened > 0
                    || r.getBoolean(11)
                    || caseClocks.stream().anyMatch(k -> (Integer) k[5] > 0);
            Boolean[] onTime = new Boolean[STAGES.length];
            for (int s = 0; s < STAGES.length; s++) {
              boolean any = false;
              boolean late = false;
              boolean allStopped = true;
              for (Object[] k : caseClocks) {
                if (!k[0].equals(STAGES[s])) {
                  continue;
                }
                any = true;
                boolean stopped = "STOPPED".equals(k[1]);
                allStopped &= stopped;
                boolean stoppedLate =
                    stopped && k[4] == null && ((Instant) k[3]).compareTo((Instant) k[2]) > 0;
                late |= (Integer) k[5] > 0 || stoppedLate;
              }
              onTime[s] = late ? Boolean.FALSE : any && allStopped ? Boolean.TRUE : null;
            }
            String department = r.getString(6) == null ? "-" : r.getString(6);
            String employee = r.getString(7) == null ? "-" : r.getString(7);
            String employeeName = r.getString(8) == null ? "-" : r.getString(8);
            Map<String, List<String>> keys = new LinkedHashMap<>();
            keys.put("ALL", List.of("-"));
            keys.put("DEPARTMENT", List.of(department));
            keys.put("EMPLOYEE", List.of(employee));
            keys.put("CATEGORY", List.of(r.getString(4)));
            keys.put("CHANNEL", List.of(r.getString(3)));
            keys.put("SEVERITY", List.of(r.getString(5)));
            keys.put("CAUSE_TAG", tags.getOrDefault(id, List.of()));
            keys.put(
                "REASON",
                "DISSATISFIED".equals(answered) ? List.of((String) answer[1]) : List.of());
            cases.add(
                new Case(
                    id,
                    received.atZone(BANK).toLocalDate(),
                    keys,
                    employeeName,
                    seconds,
                    seconds != null && reopened == 0,
                    answered,
                    answer == null ? null : (Boolean) answer[3],
                    escalated,
                    r.getString(10) != null,
                    onTime));
          });
      return cases;
    }
  }

  private interface Reader {
    void row(ResultSet row) throws SQLException;
  }

  private static void read(Connection db, String sql, Timestamp start, Timestamp end, Reader reader)
      throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setTimestamp(1, start);
      statement.setTimestamp(2, end);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.row(rows);
        }
      }
    }
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static BigDecimal ratio(long count, long of) {
    return of == 0
        ? null
        : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
  }

  private static boolean absent(JsonObject object, String field) {
    return !object.containsKey(field) || object.isNull(field);
  }

  private static void assertDecimal(
      BigDecimal expected, JsonObject object, String field, String where) {
    if (expected == null) {
      assertTrue(absent(object, field), where + " " + field + " has no value: " + object);
      return;
    }
    JsonNumber served = object.getJsonNumber(field);
    assertEquals(
        0,
        expected.compareTo(served.bigDecimalValue()),
        where + " " + field + ": expected " + expected + ", served " + served);
  }

  // ---------------------------------------------------------------------------------------------
  // The generator: raw rows as the application writes them.

  private static final class Generator {
    private final Connection db;
    private final Random random;
    private final Map<String, Deque<Long>> ids = new HashMap<>();
    private final PreparedStatement complaint;
    private final PreparedStatement repeat;
    private final PreparedStatement event;
    private final PreparedStatement clock;
    private final PreparedStatement task;
    private final PreparedStatement tag;
    private final PreparedStatement pending;
    private int number;
    private String firstNumber;

    Generator(Connection db, Random random) throws SQLException {
      this.db = db;
      this.random = random;
      complaint =
          db.prepareStatement(
              "insert into complaint (id, complaint_number, channel, customer_name,"
                  + " customer_mobile, subject, description, status, received_at, registered_at,"
                  + " version, severity, category, feedback_type, department_code,"
                  + " handler_employee_id, handler_name, reopen_count, supervisor_led)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)");
      repeat =
          db.prepareStatement(
              "insert into complaint_repeat (complaint_id, first_number, place) values (?, ?, 2)");
      event =
          db.prepareStatement(
              "insert into case_event (id, complaint_id, occurred_at, kind, actor, summary,"
                  + " customer_visible) values (?, ?, ?, ?, 'statistics-test', 'generated', true)");
      clock =
          db.prepareStatement(
              "insert into sla_clock (id, complaint_id, stage, measure, state, started_at, due_at,"
                  + " warn_at, warned, escalations_sent, paused_at, remaining_ms, paused_total_ms,"
                  + " extended_ms, stopped_at, version) values (?, ?, ?, 'CALENDAR_TIME', ?, ?,"
                  + " ?, ?, ?, ?, ?, ?, 0, 0, ?, 0)");
      task =
          db.prepareStatement(
              "insert into work_task (id, complaint_id, kind, department_code, status, created_at,"
                  + " due_at, version, outcome, satisfaction, completed_by, completed_at,"
                  + " problem_solved) values (?, ?, 'FOLLOW_UP_CALL', 'CSC', ?, ?, ?, 0, ?, ?, ?, ?,"
                  + " ?)");
      tag =
          db.prepareStatement("insert into complaint_cause_tag (complaint_id, tag) values (?, ?)");
      pending = db.prepareStatement("insert into stat_pending (id, complaint_id) values (?, ?)");
    }

    void month(YearMonth month, int count) throws SQLException {
      Instant start = month.atDay(1).atStartOfDay(BANK).toInstant();
      long seconds =
          Duration.between(start, month.plusMonths(1).atDay(1).atStartOfDay(BANK).toInstant())
              .getSeconds();
      for (int i = 0; i < count; i++) {
        // The first and last second of the month in the bank's zone, then anywhere in it.
        long at = i == 0 ? 0 : i == 1 ? seconds - 1 : (long) (random.nextDouble() * seconds);
        complaint(start.plusSeconds(at));
        if (i % 500 == 499) {
          flush();
        }
      }
    }

    private void complaint(Instant received) throws SQLException {
      long id = next("complaint_seq");
      boolean isComplaint = random.nextInt(100) >= 4;
      boolean concluded = random.nextInt(100) < 70;
      boolean referred = concluded && random.nextInt(10) == 0;
      int reopened = random.nextInt(100) < 85 ? 0 : 1 + random.nextInt(2);
      String department = random.nextInt(20) == 0 ? null : pick(DEPARTMENTS);
      int employee = random.nextInt(60);
      boolean handled = department != null && random.nextInt(10) > 0;
      int p = 1;
      complaint.setLong(p++, id);
      // Numbers as the platform issues them (C, the day received, the serial), so that every
      // generated row reads back as a complaint wherever another test meets it.
      String complaintNumber =
          "C"
              + received.atZone(BANK).toLocalDate().toString().replace("-", "")
              + "-"
              + String.format("%07d", id);
      if (firstNumber == null) {
        firstNumber = complaintNumber;
      }
      number++;
      complaint.setString(p++, complaintNumber);
      complaint.setString(p++, pick(CHANNELS));
      complaint.setString(p++, "统计 " + number);
      complaint.setString(p++, "generated");
      complaint.setString(p++, "统计测试 statistics test");
      complaint.setString(p++, "generated by StatisticsIT");
      complaint.setString(
          p++, concluded ? (referred ? "REFERRED_OUTSIDE" : "CLOSED") : "INVESTIGATING");
      complaint.setTimestamp(p++, Timestamp.from(received));
      complaint.setTimestamp(p++, Timestamp.from(received.plusSeconds(random.nextInt(3600))));
      complaint.setString(p++, pick(SEVERITIES));
      complaint.setString(p++, pick(CATEGORIES));
      complaint.setString(
          p++, isComplaint ? "COMPLAINT" : random.nextBoolean() ? "SUGGESTION" : "INQUIRY");
      complaint.setString(p++, department);
      complaint.setString(p++, handled ? "E" + (1000 + employee) : null);
      complaint.setString(p++, handled ? "员工" + employee + " Employee " + employee : null);
      complaint.setInt(p++, reopened);
      if (random.nextInt(100) < 8) {
        repeat.setLong(1, id);
        repeat.setString(2, firstNumber);
        repeat.addBatch();
      }
      complaint.setBoolean(p, random.nextInt(100) < 3);
      complaint.addBatch();

      Instant concludedAt = received.plusSeconds(1 + random.nextInt(40 * 24 * 3600));
      if (concluded) {
        event(id, concludedAt, referred ? "REFERRED_OUTSIDE" : "CLOSED");
      }
      event(id, received, "REGISTERED");
      for (String stage : STAGES) {
        if (random.nextInt(100) < 55) {
          clock(id, stage, received);
          if (random.nextInt(10) == 0) {
            clock(id, stage, received.plusSeconds(3600));
          }
        }
      }
      if (concluded && !referred && random.nextInt(10) < 8) {
        followUp(id, concludedAt.minusSeconds(3600 + random.nextInt(24 * 3600)));
        if (random.nextInt(10) == 0) {
          followUp(id, concludedAt.minusSeconds(30 * 3600 + random.nextInt(24 * 3600)));
        }
      } else if (random.nextInt(20) == 0) {
        openFollowUp(id, received);
      }
      int tags = random.nextInt(3);
      Set<String> chosen = new HashSet<>();
      for (int t = 0; t < tags; t++) {
        String value = pick(TAGS);
        if (chosen.add(value)) {
          tag.setLong(1, id);
          tag.setString(2, value);
          tag.addBatch();
        }
      }
      pending.setLong(1, -id);
      pending.setLong(2, id);
      pending.addBatch();
    }

    private void event(long complaintId, Instant at, String kind) throws SQLException {
      event.setLong(1, next("case_event_seq"));
      event.setLong(2, complaintId);
      event.setTimestamp(3, Timestamp.from(at));
      event.setString(4, kind);
      event.addBatch();
    }

    private void clock(long complaintId, String stage, Instant started) throws SQLException {
      int kind = random.nextInt(100);
      String state = kind < 30 ? "RUNNING" : kind < 38 ? "PAUSED" : "STOPPED";
      Instant due = started.plusSeconds(3600 + random.nextInt(10 * 24 * 3600));
      boolean stoppedWhilePaused = "STOPPED".equals(state) && random.nextInt(100) < 12;
      Instant stopped =
          "STOPPED".equals(state)
              ? due.plusSeconds(random.nextInt(7 * 24 * 3600) - 5 * 24 * 3600)
              : null;
      if (stopped != null && stopped.isBefore(started)) {
        stopped = started.plusSeconds(60);
      }
      int escalations = random.nextInt(100) < 15 ? 1 + random.nextInt(3) : 0;
      int p = 1;
      clock.setLong(p++, next("sla_clock_seq"));
      clock.setLong(p++, complaintId);
      clock.setString(p++, stage);
      clock.setString(p++, state);
      clock.setTimestamp(p++, Timestamp.from(started));
      clock.setTimestamp(p++, Timestamp.from(due));
      clock.setTimestamp(p++, Timestamp.from(due.minusSeconds(600)));
      clock.setBoolean(p++, escalations > 0 || random.nextBoolean());
      clock.setInt(p++, escalations);
      clock.setTimestamp(
          p++,
          "PAUSED".equals(state) || stoppedWhilePaused
              ? Timestamp.from(started.plusSeconds(1800))
              : null);
      clock.setObject(
          p++,
          "PAUSED".equals(state) || stoppedWhilePaused ? (long) random.nextInt(3_600_000) : null);
      clock.setTimestamp(p, stopped == null ? null : Timestamp.from(stopped));
      clock.addBatch();
    }

    private void followUp(long complaintId, Instant completed) throws SQLException {
      String answer = pick(ANSWERS);
      int p = 1;
      task.setString(p++, UUID.randomUUID().toString());
      task.setLong(p++, complaintId);
      task.setString(p++, "DONE");
      task.setTimestamp(p++, Timestamp.from(completed.minusSeconds(3600)));
      task.setTimestamp(p++, Timestamp.from(completed.plusSeconds(7 * 24 * 3600)));
      task.setString(p++, pick(OUTCOMES));
      task.setString(p++, answer);
      task.setString(p++, "回访员 caller");
      task.setTimestamp(p++, Timestamp.from(completed));
      // R-F8: solved or not; a tenth were recorded before the call asked it.
      int solved = random.nextInt(10);
      task.setObject(p, solved == 0 ? null : solved > 3, java.sql.Types.BOOLEAN);
      task.addBatch();
    }

    private void openFollowUp(long complaintId, Instant created) throws SQLException {
      int p = 1;
      task.setString(p++, UUID.randomUUID().toString());
      task.setLong(p++, complaintId);
      task.setString(p++, "OPEN");
      task.setTimestamp(p++, Timestamp.from(created));
      task.setTimestamp(p++, Timestamp.from(created.plusSeconds(7 * 24 * 3600)));
      task.setString(p++, null);
      task.setString(p++, null);
      task.setString(p++, null);
      task.setTimestamp(p++, null);
      task.setObject(p, null, java.sql.Types.BOOLEAN);
      task.addBatch();
    }

    void flush() throws SQLException {
      complaint.executeBatch();
      repeat.executeBatch();
      event.executeBatch();
      clock.executeBatch();
      task.executeBatch();
      tag.executeBatch();
      pending.executeBatch();
    }

    /** An id from the application's own sequence: each value reserves the 50 below it. */
    private long next(String sequence) throws SQLException {
      Deque<Long> pool = ids.computeIfAbsent(sequence, s -> new ArrayDeque<>());
      if (pool.isEmpty()) {
        try (PreparedStatement statement =
                db.prepareStatement("select nextval('" + sequence + "')");
            ResultSet r = statement.executeQuery()) {
          r.next();
          long last = r.getLong(1);
          for (long v = last - 49; v <= last; v++) {
            pool.add(v);
          }
        }
      }
      return pool.poll();
    }

    private String pick(String[] values) {
      return values[random.nextInt(values.length)];
    }
  }

  /** A small RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
  private static final class Csv {
    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\r') {
          // part of CRLF
        } else if (c == '\n') {
          row.add(cell.toString());
          cell.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else {
          cell.append(c);
        }
      }
      return rows;
    }
  }
}

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Deadlines and escalation in trial mode: a round-the-clock calendar and second-scale policies set
 * through the admin API, so the whole ladder runs within seconds against the real scanner, outbox
 * and broker.
 */
class EscalationIT extends SystemTest {

  private static final String[] LADDER_QUEUES = {
    "complaints.escalations.owner",
    "complaints.escalations.owner",
    "complaints.escalations.supervisor",
    "complaints.escalations.department-head",
    "complaints.escalations.head-office"
  };

  private static Trial trial;

  @BeforeAll
  static void trialMode() {
    trial = Trial.saved();
    trial
        .roundTheClock()
        .policy("CUSTOMER_CONTACT", "CALENDAR_TIME", "PT4S", null, "PT0S", "PT1S", "PT2S", "PT3S")
        .policy("INVESTIGATION", "WORKING_TIME", "PT6S", "PT20S", "PT0S", "PT1S", "PT2S", "PT3S");
  }

  @AfterAll
  static void endTrial() {
    trial.restore();
  }

  private static String submit(String subject) {
    return submit(aComplaint().about(subject));
  }

  private static String submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson("/api/v1/complaints", complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created).getString("number");
  }

  /** Makes a case's contact clock overdue, its whole ladder with it: due two days ago. */
  static void overdue(String number) {
    assertEquals(
        1,
        Database.update(
            "update sla_clock set due_at = ?, warn_at = ?, next_action_at = ?"
                + " where stage = 'CUSTOMER_CONTACT' and state = 'RUNNING' and complaint_id ="
                + " (select id from complaint where complaint_number = ?)",
            TestClock.now().minusDays(2),
            TestClock.now().minusDays(3),
            TestClock.now().minusDays(3),
            number));
  }

  /** Waits (at most 30 s) until a case's timeline holds at least this many SLA alerts. */
  private static void awaitAlerts(String number, int alerts) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      if (Database.count(
              "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                  + " where c.complaint_number = ? and e.kind like 'SLA_%'",
              number)
          >= alerts) {
        return;
      }
      Thread.sleep(200);
    }
  }

  private static JsonObject body(Message message) throws Exception {
    return Api.json(((TextMessage) message).getText());
  }

  private static Instant instant(JsonObject object, String field) {
    return OffsetDateTime.parse(object.getString(field)).toInstant();
  }

  @Test
  @DisplayName(
      "R-I7 R-P1 a complaint left unacknowledged is warned, then escalates through every level on the right queues, in order")
  void unacknowledgedClimbsTheLadder() throws Exception {
    String number = submit("nobody calls back");
    List<JsonObject> alerts = new ArrayList<>();
    for (String queue : LADDER_QUEUES) {
      Message message = Broker.receive(queue, number, 30_000);
      assertNotNull(message, "an alert on " + queue);
      alerts.add(body(message));
    }
    assertEquals("WARNING", alerts.get(0).getString("kind"));
    for (int level = 0; level < alerts.size(); level++) {
      JsonObject alert = alerts.get(level);
      assertEquals(level, alert.getInt("level"));
      assertEquals("CUSTOMER_CONTACT", alert.getString("stage"));
      assertEquals("CSC", alert.getString("department"));
      assertEquals(1, alert.getInt("schemaVersion"));
      if (level > 0) {
        assertEquals("ESCALATION", alert.getString("kind"));
        assertTrue(
            !instant(alert, "raisedAt").isBefore(instant(alerts.get(level - 1), "raisedAt")),
            "level " + level + " after level " + (level - 1));
      }
    }
    for (String queue : LADDER_QUEUES) {
      assertNull(Broker.receive(queue, number, 200), "nothing more on " + queue);
    }
    assertEquals(
        List.of(
            "SLA_WARNING", "SLA_ESCALATION", "SLA_ESCALATION", "SLA_ESCALATION", "SLA_ESCALATION"),
        Database.texts(
            "select e.kind from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind like 'SLA_%' order by e.occurred_at, e.id",
            number),
        "each alert is an entry in the case timeline");
  }

  @Test
  @DisplayName("R-I7 contacting the customer in time stops the clock: no warning, no escalation")
  void contactStopsTheClock() throws Exception {
    String number = submit("called back at once");
    HttpResponse<String> contacted =
        Api.postJson(
            "/api/v1/complaints/" + number + "/customer-contact",
            "{\"by\":\"王芳\",\"note\":\"已电话确认受理\"}");
    assertEquals(200, contacted.statusCode(), contacted.body());
    assertEquals("STOPPED", Api.clock(number, "CUSTOMER_CONTACT").getString("state"));
    assertEquals(
        "STOPPED",
        Api.clock(number, "REGISTRATION").getString("state"),
        "R-I7 the registration clock ran from receipt to registration");
    assertEquals("RUNNING", Api.clock(number, "INVESTIGATION_START").getString("state"));
    assertNull(Broker.receive("complaints.escalations.owner", number, 5_000));
    HttpResponse<String> again =
        Api.postJson("/api/v1/complaints/" + number + "/customer-contact", "{\"by\":\"王芳\"}");
    assertEquals(409, again.statusCode(), again.body());
  }

  @Test
  @DisplayName(
      "R-F2 R-CAL time paused while waiting for the customer does not count: the deadline moves by the pause")
  void pauseExcludesTime() throws Exception {
    String number = submit("waiting for the customer's statement");
    // Only the investigation clock runs on: the contact clock stops when the customer is called.
    assertEquals(
        200,
        Api.postJson("/api/v1/complaints/" + number + "/customer-contact", "{\"by\":\"李强\"}")
            .statusCode());
    HttpResponse<String> started =
        Api.postJson(
            "/api/v1/complaints/" + number + "/investigation",
            "{\"by\":\"李强\",\"plan\":\"调取交易流水\"}");
    assertEquals(200, started.statusCode(), started.body());
    HttpResponse<String> paused =
        Api.postJson(
            "/api/v1/complaints/" + number + "/clocks/INVESTIGATION/pause",
            "{\"by\":\"李强\",\"reason\":\"AWAITING_CUSTOMER_INFORMATION\"}");
    assertEquals(200, paused.statusCode(), paused.body());
    assertEquals("PAUSED", Api.json(paused).getString("state"));
    Instant originalDue = instant(Api.json(paused), "dueAt");

    assertNull(
        Broker.receive("complaints.escalations.owner", number, 4_000),
        "no warning while paused, though the 3 s warning point has passed");

    HttpResponse<String> resumed =
        Api.postJson(
            "/api/v1/complaints/" + number + "/clocks/INVESTIGATION/resume", "{\"by\":\"李强\"}");
    assertEquals(200, resumed.statusCode(), resumed.body());
    JsonObject clock = Api.json(resumed);
    Duration pausedFor = Duration.parse(clock.getString("pausedTotal"));
    assertTrue(pausedFor.compareTo(Duration.ofSeconds(4)) >= 0, "paused " + pausedFor);
    Duration moved = Duration.between(originalDue, instant(clock, "dueAt"));
    assertTrue(
        moved.compareTo(pausedFor.minusMillis(50)) >= 0
            && moved.compareTo(pausedFor.plusSeconds(1)) <= 0,
        "the deadline moved by the pause: " + moved + " vs " + pausedFor);

    Message warning = Broker.receive("complaints.escalations.owner", number, 15_000);
    assertNotNull(warning, "counting resumed");
    assertEquals("WARNING", body(warning).getString("kind"));
    assertEquals("INVESTIGATION", body(warning).getString("stage"));
  }

  @Test
  @DisplayName(
      "R-F2 an extension approved by a signed-in approver (not a handler) moves the deadline, is recorded with the approver's name and employee id, and the customer is told the new date; beyond the limit it is refused")
  void approvedExtension() throws Exception {
    ComplaintJson complaint = aComplaint().about("needs an outside appraisal");
    String number = submit(complaint);
    Api.postJson(
        "/api/v1/complaints/" + number + "/investigation", "{\"by\":\"李强\",\"plan\":\"外部鉴定\"}");
    Instant due = instant(Api.clock(number, "INVESTIGATION"), "dueAt");
    HttpResponse<String> extended =
        Api.postJson(
            "/api/v1/complaints/" + number + "/clocks/INVESTIGATION/extensions",
            "{\"extension\":\"PT15S\",\"reason\":\"需外部鉴定\"}",
            "Authorization",
            "Bearer "
                + Tokens.person("部门负责人 赵敏", List.of("department-head"), "CSC", "E30002", null));
    assertEquals(200, extended.statusCode(), extended.body());
    assertEquals(due.plusSeconds(15), instant(Api.json(extended), "dueAt"));
    assertEquals("PT15S", Api.json(extended).getString("extended"));
    assertEquals(
        1,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind = 'DEADLINE_EXTENDED'"
                + " and e.summary like ?",
            number,
            "%approved by 部门负责人 赵敏 (E30002)%"),
        "the signed-in approver is recorded, by name and employee id");
    HttpResponse<String> byHandler =
        Api.postJson(
            "/api/v1/complaints/" + number + "/clocks/INVESTIGATION/extensions",
            "{\"extension\":\"PT5S\",\"reason\":\"自行延期\"}",
            "Authorization",
            "Bearer " + Tokens.staff("handler", "CSC"));
    assertEquals(403, byHandler.statusCode(), "R-F2 only an approving role extends a deadline");

    assertNotNull(
        Broker.receive("complaints.notifications", number, "ACCEPTANCE", 15_000),
        "the acceptance notice of registration");
    JsonObject text =
        Broker.receive("complaints.notifications", number, "DEADLINE_EXTENDED", 15_000);
    assertNotNull(text, "the customer is told");
    assertTrue(text.getString("text").contains(number), text.toString());
    assertEquals(complaint.maskedMobile(), text.getString("customerMobile"));

    HttpResponse<String> tooFar =
        Api.postJson(
            "/api/v1/complaints/" + number + "/clocks/INVESTIGATION/extensions",
            "{\"extension\":\"PT10S\",\"reason\":\"再延\"}");
    assertEquals(409, tooFar.statusCode(), tooFar.body());
    assertEquals(
        2,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind = 'DEADLINE_EXTENDED'",
            number),
        "the approval (internal) and the customer's notice (visible) are in the timeline");
  }

  @Test
  @DisplayName(
      "R-P1 concurrent scans (the timer and eight callers of the admin scan) never fire one alert twice")
  void concurrentScansFireOnce() throws Exception {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      numbers.add(submit("burst " + i));
    }
    // The whole burst falls due at once, by data: every contact clock's ladder is overdue.
    for (String number : numbers) {
      overdue(number);
    }
    ExecutorService scanners = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> running = new ArrayList<>();
      Instant until = Instant.now().plusSeconds(4);
      for (int t = 0; t < 8; t++) {
        running.add(
            scanners.submit(
                () -> {
                  while (Instant.now().isBefore(until)) {
                    HttpResponse<String> scan =
                        Api.post("/api/v1/admin/escalations/scan", null, "");
                    assertEquals(200, scan.statusCode(), scan.body());
                  }
                  return null;
                }));
      }
      for (Future<?> scanner : running) {
        scanner.get(60, TimeUnit.SECONDS);
      }
    } finally {
      scanners.shutdownNow();
    }
    for (String number : numbers) {
      awaitAlerts(number, 5);
      assertEquals(
          5,
          Database.count(
              "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                  + " where c.complaint_number = ? and e.kind like 'SLA_%'",
              number),
          "warning + four rungs, once each, for " + number);
      assertEquals(
          5,
          Database.count(
              "select count(*) from outbox_message where message_key = ?"
                  + " and message_type = 'complaints.escalation'",
              number),
          "five messages for " + number);
    }
  }

  @Test
  @DisplayName(
      "R-P1 a case whose alert cannot be raised is held back for a retry, and does not hold up the cases due beside it")
  void brokenCaseDoesNotBlockOthers() throws Exception {
    String broken = submit("a record the scanner cannot read");
    long id =
        Long.parseLong(
            Database.text("select id from complaint where complaint_number = ?", broken));
    // A number the domain refuses: loading this case fails, as a corrupted row would.
    assertEquals(
        1, Database.update("update complaint set complaint_number = 'BROKEN' where id = ?", id));
    try {
      // Both fall due now, by data: the scanner meets the broken case first.
      assertEquals(
          1,
          Database.update(
              "update sla_clock set due_at = ?, warn_at = ?, next_action_at = ?"
                  + " where stage = 'CUSTOMER_CONTACT' and complaint_id = ?",
              TestClock.now().minusDays(2),
              TestClock.now().minusDays(3),
              TestClock.now().minusDays(3),
              id));
      String healthy = submit("an ordinary case due at the same time");
      overdue(healthy);
      assertNotNull(
          Broker.receive("complaints.escalations.head-office", healthy, 30_000),
          "the healthy case climbs its whole ladder");
      for (int i = 0;
          i < 75
              && Database.count(
                      "select count(*) from sla_clock where complaint_id = ?"
                          + " and stage = 'CUSTOMER_CONTACT' and next_action_at > ?",
                      id,
                      TestClock.now().plusMinutes(3))
                  == 0;
          i++) {
        Thread.sleep(200);
      }
      assertEquals(
          0,
          Database.count(
              "select count(*) from case_event where complaint_id = ? and kind like 'SLA_%'", id));
      assertEquals(
          1,
          Database.count(
              "select count(*) from sla_clock where complaint_id = ? and stage = 'CUSTOMER_CONTACT'"
                  + " and next_action_at > ?",
              id,
              TestClock.now().plusMinutes(3)),
          "the broken case's clock is held back for a retry");
    } finally {
      Database.update("update complaint set complaint_number = ? where id = ?", broken, id);
    }
  }

  @Test
  @DisplayName(
      "ADR 0002: the due clocks' table is vacuumed after 20,000 dead rows, whatever its size, so a"
          + " look does not step over every alert's old index entry")
  void dueClocksAreVacuumedAfterAFixedNumberOfDeadRows() {
    assertEquals(
        1,
        Database.count(
            "select count(*) from flyway_schema_history where version = '35' and success = true"));
    if ("postgresql".equals(Runtime.database())) {
      List<String> options =
          Database.texts(
              "select unnest(reloptions) from pg_class where relname = 'sla_clock'"
                  + " and relnamespace = current_schema()::regnamespace");
      assertTrue(options.contains("autovacuum_vacuum_scale_factor=0"), options::toString);
      assertTrue(options.contains("autovacuum_vacuum_threshold=20000"), options::toString);
    }
  }
}

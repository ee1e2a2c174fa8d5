package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-S3: the audit log records who, when, why and under which request, is chained by HMAC, and an
 * edit made straight in the database is detected and located.
 */
class AuditIT extends SystemTest {

  private static final String VERIFICATION = "/api/v1/admin/audit/verification";

  @Test
  void aStateChangeIsRecordedWithPrincipalActorReasonAndRequestId() {
    HttpResponse<String> created =
        Api.request(
            "POST",
            "/api/v1/complaints",
            "application/json",
            aComplaint().json(),
            "Authorization",
            "Bearer " + Tokens.channel("MOBILE_APP"),
            "X-Request-Id",
            "audit-it-registration-1");
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(
        "audit-it-registration-1", created.headers().firstValue("X-Request-Id").orElse(""));
    String complaintId =
        Database.text(
            "select id from complaint where complaint_number = ?",
            Api.json(created).getString("number"));
    assertEquals(
        "channel-MOBILE_APP",
        Database.text(
            "select principal from audit_entry where subject = ? and action = 'REGISTERED'",
            "complaint:" + complaintId));
    assertEquals(
        "audit-it-registration-1",
        Database.text(
            "select request_id from audit_entry where subject = ? and action = 'REGISTERED'",
            "complaint:" + complaintId));
  }

  @Test
  @DisplayName(
      "R-S3 a registration is one audited action that names each of its steps (ADR 0009): the"
          + " grading, the acceptance notice and the assignment, in the timeline's order")
  void aRegistrationIsOneAuditedActionListingItsSteps() {
    String number =
        Api.json(Api.postJson("/api/v1/complaints", aComplaint().json())).getString("number");
    String subject =
        "complaint:" + Database.text("select id from complaint where complaint_number = ?", number);
    assertEquals(
        1,
        Database.count("select count(*) from audit_entry where subject = ?", subject),
        "one entry for the registration");
    String reason =
        Database.text(
            "select reason from audit_entry where subject = ? and action = 'REGISTERED'", subject);
    int graded = reason.indexOf("| GRADED: Graded ");
    int notice = reason.indexOf("| ACCEPTANCE_NOTICE_SENT: ");
    int assigned = reason.indexOf("| ASSIGNED: ");
    assertTrue(reason.startsWith("受理登记 Registered from MOBILE_APP."), reason);
    assertTrue(0 < graded && graded < notice && notice < assigned, reason);
    // Each step is still one row of the timeline.
    assertEquals(
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ?",
            number),
        reason.split(" \\| ").length,
        reason);
  }

  @Test
  void aPersonalDataReadIsRecordedWithItsReason() {
    ComplaintJson complaint = aComplaint();
    String number =
        Api.json(Api.postJson("/api/v1/complaints", complaint.json())).getString("number");
    HttpResponse<String> read =
        Api.request(
            "GET",
            "/api/v1/complaints/" + number + "/personal-data?reason=callback%20to%20confirm",
            null,
            null,
            "Authorization",
            "Bearer " + Tokens.staff("handler", "CSC"));
    assertEquals(200, read.statusCode(), read.body());
    assertEquals(complaint.mobile(), Api.json(read).getString("customerMobile"), read.body());
    assertEquals(
        "callback to confirm",
        Database.text(
            "select reason from audit_entry where action = 'PERSONAL_DATA_READ' and subject = ?"
                + " and principal = 'handler-CSC'",
            number));
    // Without a reason nothing is shown.
    HttpResponse<String> noReason = Api.get("/api/v1/complaints/" + number + "/personal-data");
    assertEquals(400, noReason.statusCode(), noReason.body());
  }

  @Test
  void aConfigurationChangeIsRecorded() {
    long before =
        Database.count("select count(*) from audit_entry where action = 'CONFIGURATION_CHANGED'");
    HttpResponse<String> owner =
        Api.putJson(
            "/api/v1/admin/departments/OPS/duty-owner",
            "{\"dutyOwner\":\"值班主管 Duty manager OPS\"}");
    assertEquals(200, owner.statusCode(), owner.body());
    assertEquals(
        before + 1,
        Database.count("select count(*) from audit_entry where action = 'CONFIGURATION_CHANGED'"));
  }

  @Test
  void alteringOneEntryInTheDatabaseBreaksTheChainThere() {
    Api.postJson("/api/v1/complaints", aComplaint().json());
    JsonObject intact = settledVerdict();
    assertTrue(intact.getBoolean("intact"), intact.toString());
    long linked = intact.getJsonNumber("linked").longValue();
    assertTrue(linked >= 3, intact.toString());
    long middle = linked / 2;
    String entryId = Database.text("select entry_id from audit_link where seq = ?", middle);
    String reason =
        Database.text("select reason from audit_entry where id = ?", Long.parseLong(entryId));
    try {
      assertEquals(
          1,
          Database.update(
              "update audit_entry set reason = ? where id = ?",
              "nothing happened here",
              Long.parseLong(entryId)));
      JsonObject broken = Api.json(Api.get(VERIFICATION));
      assertFalse(broken.getBoolean("intact"), broken.toString());
      JsonObject first = broken.getJsonObject("firstBroken");
      assertEquals(middle, first.getJsonNumber("sequence").longValue(), broken.toString());
      assertEquals(Long.parseLong(entryId), first.getJsonNumber("entryId").longValue());
      assertEquals(middle - 1, broken.getJsonNumber("linked").longValue());
    } finally {
      Database.update(
          "update audit_entry set reason = ? where id = ?", reason, Long.parseLong(entryId));
    }
    assertTrue(Api.json(Api.get(VERIFICATION)).getBoolean("intact"));
  }

  @Test
  void removingALinkIsDetectedToo() {
    Api.postJson("/api/v1/complaints", aComplaint().json());
    JsonObject intact = settledVerdict();
    long last = intact.getJsonNumber("linked").longValue();
    String entryId = Database.text("select entry_id from audit_link where seq = ?", last);
    String prev = Database.text("select prev_hash from audit_link where seq = ?", last);
    String hash = Database.text("select hash from audit_link where seq = ?", last);
    try {
      Database.update("delete from audit_link where seq = ?", last);
      JsonObject broken = Api.json(Api.get(VERIFICATION));
      assertFalse(broken.getBoolean("intact"), broken.toString());
      assertEquals(last, broken.getJsonObject("firstBroken").getJsonNumber("sequence").longValue());
    } finally {
      Database.update(
          "insert into audit_link (seq, entry_id, prev_hash, hash) values (?, ?, ?, ?)",
          last,
          Long.parseLong(entryId),
          prev,
          hash);
    }
  }

  @Test
  @DisplayName(
      "R-S3 an entry written straight into the database (no seal of the application's) is not"
          + " chained and is reported; one left without its work-list row is reported too")
  void entriesOutsideTheChainAreReported() {
    Api.postJson("/api/v1/complaints", aComplaint().json());
    assertTrue(settledVerdict().getBoolean("intact"));
    long forged = 9_000_000_000L + System.nanoTime() % 1_000_000;
    long orphan = forged + 1;
    String insert =
        "insert into audit_entry (id, recorded_at, principal, action, subject, request_id)"
            + " values (?, current_timestamp, 'dba', 'STATE_CHANGED', 'complaint X', 'none')";
    try {
      Database.update(insert, forged);
      Database.update("insert into audit_pending (entry_id) values (?)", forged);
      Database.update(insert, orphan);
      JsonObject verdict = verdictNaming(forged);
      assertFalse(verdict.getBoolean("intact"), verdict.toString());
      assertNull(verdict.get("firstBroken"), "the chain itself holds: " + verdict);
      assertEquals(
          "carries no valid seal: not written by the application",
          reasonFor(verdict, forged),
          verdict.toString());
      assertTrue(reasonFor(verdict, orphan).contains("its work-list row was removed"));
      assertEquals(
          0,
          Database.count(
              "select count(*) from audit_link where entry_id in (?, ?)", forged, orphan),
          "neither is taken into the chain");
    } finally {
      Database.update("delete from audit_pending where entry_id in (?, ?)", forged, orphan);
      Database.update("delete from audit_entry where id in (?, ?)", forged, orphan);
    }
    assertTrue(Api.json(Api.get(VERIFICATION)).getBoolean("intact"));
  }

  @Test
  @DisplayName(
      "R-S3 removing the newest links and rewinding the head to match is detected against the"
          + " checkpoint kept outside the database")
  void truncationIsDetectedAgainstTheCheckpoint() {
    Api.postJson("/api/v1/complaints", aComplaint().json());
    JsonObject intact = settledVerdict();
    assertTrue(intact.getBoolean("intact"), intact.toString());
    Api.get(VERIFICATION); // an intact verdict checkpoints the head
    long last = Api.json(Api.get(VERIFICATION)).getJsonNumber("linked").longValue();
    String entryId = Database.text("select entry_id from audit_link where seq = ?", last);
    String prev = Database.text("select prev_hash from audit_link where seq = ?", last);
    String hash = Database.text("select hash from audit_link where seq = ?", last);
    try {
      Database.update("delete from audit_link where seq = ?", last);
      Database.update(
          "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", last - 1, prev);
      JsonObject broken = Api.json(Api.get(VERIFICATION));
      assertFalse(broken.getBoolean("intact"), broken.toString());
      String reason = broken.getJsonObject("firstBroken").getString("reason");
      assertTrue(reason.contains("checkpoint") && reason.contains("removed"), reason);
      assertEquals(last, broken.getJsonObject("checkpoint").getJsonNumber("sequence").longValue());
    } finally {
      Database.update(
          "insert into audit_link (seq, entry_id, prev_hash, hash) values (?, ?, ?, ?)",
          last,
          Long.parseLong(entryId),
          prev,
          hash);
      Database.update(
          "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", last, hash);
    }
    assertTrue(Api.json(Api.get(VERIFICATION)).getBoolean("intact"));
  }

  @Test
  @DisplayName(
      "R-S3 the application runs as a database user that inserts into and reads the audit tables"
          + " but can change or delete none of their rows; its migrations run as the owner")
  void theRuntimeUserCannotRewriteTheAuditLog() throws SQLException {
    Api.postJson("/api/v1/complaints", aComplaint().json());
    String sessions =
        "postgresql".equals(Runtime.database())
            ? "select count(*) from pg_stat_activity where datname = current_database()"
                + " and lower(usename) = 'complaints_app'"
            : "select count(*) from information_schema.sessions"
                + " where lower(user_name) = 'complaints_app'";
    assertTrue(
        Database.count(sessions) > 0, "the application's connections are the runtime user's");
    try (Connection app = Database.connectAsRuntimeUser();
        Statement statement = app.createStatement()) {
      try (ResultSet rows = statement.executeQuery("select count(*) from audit_entry")) {
        assertTrue(rows.next() && rows.getLong(1) > 0, "it reads the log");
      }
      for (String rewrite :
          List.of(
              "delete from audit_entry where id > 0",
              "update audit_entry set reason = 'nothing' where id > 0",
              "delete from audit_link where seq > 0",
              "update audit_link set hash = prev_hash where seq > 0",
              "delete from flyway_schema_history where 1 = 1")) {
        assertThrows(SQLException.class, () -> statement.executeUpdate(rewrite), rewrite);
      }
    }
    assertTrue(Api.json(Api.get(VERIFICATION)).getBoolean("intact"), "nothing was changed");
  }

  /** The verdict once it names the entry (the linker runs every second). */
  private static JsonObject verdictNaming(long entryId) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
    JsonObject verdict;
    do {
      verdict = Api.json(Api.get(VERIFICATION));
    } while (reasonFor(verdict, entryId).startsWith("not yet") && Instant.now().isBefore(giveUp));
    return verdict;
  }

  private static String reasonFor(JsonObject verdict, long entryId) {
    return verdict.getJsonArray("unlinked").stream()
        .map(JsonValue::asJsonObject)
        .filter(u -> u.getJsonNumber("entryId").longValue() == entryId)
        .map(u -> u.getString("reason"))
        .findFirst()
        .orElse("not yet reported");
  }

  /** The verdict once everything recorded so far is linked. */
  private static JsonObject settledVerdict() {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
    JsonObject verdict;
    do {
      HttpResponse<String> response = Api.get(VERIFICATION);
      assertEquals(200, response.statusCode(), response.body());
      verdict = Api.json(response);
    } while (verdict.getJsonNumber("pending").longValue() > 0 && Instant.now().isBefore(giveUp));
    return verdict;
  }
}

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
            "select request_id from audit_entry where subject = ? and action = 'ASSIGNED'",
            "complaint:" + complaintId));
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

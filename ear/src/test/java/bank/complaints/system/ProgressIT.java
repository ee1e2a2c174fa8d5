package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the customer hears and sees: the acceptance notice (R-I7) and the progress (R-P3). */
class ProgressIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";

  private static JsonObject notice(String number) throws Exception {
    Message message = Broker.receive("complaints.notifications", number, 15_000);
    assertNotNull(message, "a notice for " + number);
    return Api.json(((TextMessage) message).getText());
  }

  private static String submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson("/api/v1/complaints", complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created).getString("number");
  }

  @Test
  @DisplayName(
      "R-I7 registration sends the acceptance notice by the customer's chosen medium, with the number and the contact deadline")
  void acceptanceNotice() throws Exception {
    ComplaintJson emailed =
        aComplaint().from("HOTLINE").withEmail("zhangsan@example.com").noticeBy("EMAIL");
    String byEmail = submit(emailed);
    JsonObject notice = notice(byEmail);
    assertEquals("ACCEPTANCE", notice.getString("kind"));
    assertEquals("EMAIL", notice.getString("deliverBy"));
    assertEquals("z***@example.com", notice.getString("customerEmail"));
    assertEquals(emailed.maskedMobile(), notice.getString("customerMobile"));
    assertTrue(notice.getString("text").contains(byEmail), notice.getString("text"));
    assertEquals(1, notice.getInt("schemaVersion"));

    String inApp = submit(aComplaint().from("MOBILE_APP"));
    assertEquals("IN_APP", notice(inApp).getString("deliverBy"), "the app channel's default");
    String bySms = submit(aComplaint().from("LETTER"));
    assertEquals("SMS", notice(bySms).getString("deliverBy"), "everyone else's default");

    long before = Database.count("select count(*) from complaint");
    HttpResponse<String> noAddress =
        Api.postJson("/api/v1/complaints", aComplaint().noticeBy("EMAIL").json());
    assertEquals(422, noAddress.statusCode(), noAddress.body());
    assertEquals("application/problem+json", noAddress.headers().firstValue("Content-Type").get());
    assertEquals(before, Database.count("select count(*) from complaint"), "nothing stored");
  }

  @Test
  @DisplayName(
      "R-P3 reading a complaint shows its status, department, next deadline and the customer-safe timeline, never internal notes")
  void progress() {
    String number = submit(aComplaint().from("WEB_FORM"));
    JsonObject read = Api.json(Api.get("/api/v1/complaints/" + number));
    assertEquals("ASSIGNED", read.getString("status"));
    assertEquals("CSC", read.getString("department"));
    assertNotNull(read.getString("nextDeadline"));
    assertEquals(List.of("REGISTERED", "ACCEPTANCE_NOTICE_SENT", "ASSIGNED"), kinds(read));

    HttpResponse<String> started =
        Api.postJson(
            "/api/v1/complaints/" + number + "/investigation",
            "{\"by\":\"李强\",\"plan\":\"INTERNAL-PLAN 调取监控录像\"}");
    assertEquals(200, started.statusCode(), started.body());
    JsonObject after = Api.json(Api.get("/api/v1/complaints/" + number));
    assertEquals("INVESTIGATING", after.getString("status"));
    assertTrue(kinds(after).contains("INVESTIGATION_STARTED"));
    assertFalse(
        after.toString().contains("INTERNAL-PLAN"), "the investigation plan is an internal note");
  }

  @Test
  @DisplayName(
      "R-P3 the next deadline shown is the nearest of the clocks running: a stopped or paused clock's is not")
  void nextDeadlineOfRunningClocks() {
    String number = submit(aComplaint().from("WEB_FORM"));
    Instant contactDue = soonest(number, "CUSTOMER_CONTACT", 1);
    assertEquals(contactDue, nextDeadline(number), "the contact clock is the nearest");

    assertEquals(
        200,
        Api.postJson(COMPLAINTS + "/" + number + "/customer-contact", "{\"by\":\"李强\"}")
            .statusCode());
    assertEquals(nearestRunning(number), nextDeadline(number));
    assertNotEquals(contactDue, nextDeadline(number), "the contact clock stopped");

    HttpResponse<String> started =
        Api.postJson(
            COMPLAINTS + "/" + number + "/investigation", "{\"by\":\"李强\",\"plan\":\"调取交易流水\"}");
    assertEquals(200, started.statusCode(), started.body());
    Instant investigationDue = soonest(number, "INVESTIGATION", 2);
    assertEquals(investigationDue, nextDeadline(number), "the investigation clock is the nearest");
    HttpResponse<String> paused =
        Api.postJson(
            COMPLAINTS + "/" + number + "/clocks/INVESTIGATION/pause",
            "{\"by\":\"李强\",\"reason\":\"AWAITING_CUSTOMER_INFORMATION\"}");
    assertEquals(200, paused.statusCode(), paused.body());
    assertEquals(nearestRunning(number), nextDeadline(number));
    assertNotEquals(investigationDue, nextDeadline(number), "the investigation clock is paused");
  }

  /** Moves a running clock's deadline to a few hours from now, nearer than any other's. */
  private static Instant soonest(String number, String stage, int hours) {
    OffsetDateTime due = TestClock.now().plusHours(hours).withNano(0);
    assertEquals(
        1,
        Database.update(
            "update sla_clock set due_at = ? where stage = ? and state = 'RUNNING' and complaint_id"
                + " = (select id from complaint where complaint_number = ?)",
            due,
            stage,
            number));
    return due.toInstant();
  }

  private static Instant nextDeadline(String number) {
    return OffsetDateTime.parse(
            Api.json(Api.get(COMPLAINTS + "/" + number)).getString("nextDeadline"))
        .toInstant();
  }

  /** The nearest deadline of the case's running clocks, as its clocks' own resource shows them. */
  private static Instant nearestRunning(String number) {
    return Api.jsonArray(Api.get(COMPLAINTS + "/" + number + "/clocks")).stream()
        .map(JsonValue::asJsonObject)
        .filter(clock -> clock.getString("state").equals("RUNNING"))
        .map(clock -> OffsetDateTime.parse(clock.getString("dueAt")).toInstant())
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  private static List<String> kinds(JsonObject complaint) {
    return complaint.getJsonArray("timeline").stream()
        .map(JsonValue::asJsonObject)
        .map(step -> step.getString("kind"))
        .toList();
  }
}

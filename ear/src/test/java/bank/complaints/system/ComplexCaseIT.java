package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-I7, R-F2: a complex case (found so by a supervisor or department head, with a reason) gets a
 * named owner, its overall clock (a solution within a week of receipt) and 4 working days for its
 * first findings instead of a general complaint's 2; the first findings reach the customer with the
 * expected final date.
 */
class ComplexCaseIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";

  private static String investigating() {
    HttpResponse<String> created = Api.postJson(COMPLAINTS, aComplaint().about("年费重复扣收").json());
    assertEquals(201, created.statusCode(), created.body());
    String number = Api.json(created).getString("number");
    HttpResponse<String> started =
        Api.postJson(
            COMPLAINTS + "/" + number + "/investigation",
            Json.createObjectBuilder().add("plan", "调取扣费流水").build().toString());
    assertEquals(200, started.statusCode(), started.body());
    return number;
  }

  private static JsonObject clock(String number, String stage) {
    for (JsonValue value : Api.jsonArray(Api.get(COMPLAINTS + "/" + number + "/clocks"))) {
      JsonObject clock = value.asJsonObject();
      if (clock.getString("stage").equals(stage)) {
        return clock;
      }
    }
    return null;
  }

  private static Instant at(JsonObject clock, String field) {
    return OffsetDateTime.parse(clock.getString(field)).toInstant();
  }

  private static HttpResponse<String> markComplex(String number, String token, String reason) {
    return Api.postJson(
        COMPLAINTS + "/" + number + "/complex",
        Json.createObjectBuilder().add("reason", reason).build().toString(),
        "Authorization",
        "Bearer " + token);
  }

  @Test
  @DisplayName(
      "R-F2 a general complaint's first findings are due in 2 working days, within the investigation's 3, and reach the customer with the expected final date")
  void firstFindingsOfAGeneralComplaint() throws Exception {
    String number = investigating();
    JsonObject findings = clock(number, "FIRST_FINDINGS");
    JsonObject investigation = clock(number, "INVESTIGATION");
    assertTrue(
        at(findings, "dueAt").isBefore(at(investigation, "dueAt")),
        "2 working days fall before the investigation's 3: " + findings + " " + investigation);
    JsonObject policy = greenFirstFindings();
    assertEquals("P2D", policy.getString("allowance"), "a general complaint: 2 working days");
    assertEquals("P4D", policy.getString("complexAllowance"), "a complex one: 4");
    assertEquals("WORKING_TIME", findings.getString("measure"));

    HttpResponse<String> told =
        Api.postJson(
            COMPLAINTS + "/" + number + "/first-findings",
            Json.createObjectBuilder().add("findings", "经初步核查，该笔年费系重复扣收。").build().toString());
    assertEquals(200, told.statusCode(), told.body());
    assertEquals("STOPPED", clock(number, "FIRST_FINDINGS").getString("state"));
    JsonObject notice =
        Broker.receive("complaints.notifications", number, "FIRST_FINDINGS", 15_000);
    assertNotNull(notice, "the customer is told the first findings");
    String expected =
        at(investigation, "dueAt")
            .atZone(TestClock.BANK)
            .toLocalDateTime()
            .toString()
            .replace('T', ' ')
            .substring(0, 16);
    assertTrue(notice.getString("text").contains("重复扣收"), notice.toString());
    assertTrue(
        notice.getString("text").contains(expected),
        "with the expected final date " + expected + ": " + notice);
    HttpResponse<String> again =
        Api.postJson(
            COMPLAINTS + "/" + number + "/first-findings",
            Json.createObjectBuilder().add("findings", "再次").build().toString());
    assertEquals(409, again.statusCode(), "told once: " + again.body());
  }

  private static JsonObject greenFirstFindings() {
    for (JsonValue value : Api.jsonArray(Api.get("/api/v1/admin/sla-policies"))) {
      JsonObject policy = value.asJsonObject();
      if (policy.getString("stage").equals("FIRST_FINDINGS")
          && policy.getString("severity").equals("GREEN")) {
        return policy;
      }
    }
    throw new AssertionError("no FIRST_FINDINGS / GREEN policy");
  }

  @Test
  @DisplayName(
      "R-I7 R-F2 found complex by a supervisor with a reason: a named owner, first findings in 4 working days, and a solution due within a week of receipt; a handler may not, nor without a reason")
  void complexCase() throws Exception {
    String number = investigating();
    Instant twoDays = at(clock(number, "FIRST_FINDINGS"), "dueAt");
    JsonObject before = Api.json(Api.get(COMPLAINTS + "/" + number));
    assertFalse(before.getBoolean("complex"));
    assertFalse(before.containsKey("owner"), "a general case has no named owner: " + before);

    HttpResponse<String> byHandler = markComplex(number, Tokens.staff("handler", "CSC"), "涉及多个部门");
    assertEquals(403, byHandler.statusCode(), byHandler.body());
    HttpResponse<String> noReason =
        markComplex(
            number, Tokens.person("主管 周九", List.of("supervisor"), null, "E20090", null), " ");
    assertEquals(400, noReason.statusCode(), noReason.body());

    HttpResponse<String> marked =
        markComplex(
            number,
            Tokens.person("主管 周九", List.of("supervisor"), null, "E20090", null),
            "涉及三个部门与外部鉴定");
    assertEquals(200, marked.statusCode(), marked.body());
    JsonObject view = Api.json(marked);
    assertTrue(view.getBoolean("complex"));
    assertFalse(view.getString("owner", "").isBlank(), "R-I7 a named owner: " + view);

    JsonObject findings = clock(number, "FIRST_FINDINGS");
    assertTrue(at(findings, "dueAt").isAfter(twoDays), "4 working days now: " + findings);
    JsonObject overall = clock(number, "CASE_RESOLUTION");
    assertNotNull(overall, "the overall clock runs");
    assertEquals(
        OffsetDateTime.parse(view.getString("receivedAt")).toInstant(), at(overall, "startedAt"));
    assertEquals(
        Duration.ofDays(7), Duration.between(at(overall, "startedAt"), at(overall, "dueAt")));
    assertEquals(
        1,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind = 'FOUND_COMPLEX'"
                + " and e.actor = '主管 周九 (E20090)' and e.summary like '%涉及三个部门与外部鉴定%'",
            number),
        "who found it complex and why are on record");
  }
}

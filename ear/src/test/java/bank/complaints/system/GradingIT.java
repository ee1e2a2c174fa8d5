package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-G1, R-G2, R-G3: grading and cause tags proposed by rules kept as data, and changed by staff
 * with a reason; R-I7: the named owner of an urgent case.
 */
class GradingIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";
  private static final String RULES = "/api/v1/admin/grading-rules";

  private static JsonObject submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson(COMPLAINTS, complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created);
  }

  @Test
  @DisplayName(
      "R-G1 R-G2 a card-fraud complaint is graded Red / Security at intake, gets its task force and runs on Red deadlines")
  void redAtIntake() {
    JsonObject red = submit(aComplaint().about("信用卡被盗刷三笔"));
    assertEquals("RED", red.getString("severity"));
    assertEquals("SECURITY", red.getString("category"));
    assertTrue(red.getBoolean("taskForce"));
    JsonObject contact = Api.clock(red.getString("number"), "CUSTOMER_CONTACT");
    assertEquals(
        Duration.ofHours(1),
        Duration.between(
            OffsetDateTime.parse(contact.getString("startedAt")),
            OffsetDateTime.parse(contact.getString("dueAt"))),
        "Red: contact within the hour");

    JsonObject fees = submit(aComplaint().about("年费重复扣收"));
    assertEquals("GREEN", fees.getString("severity"));
    assertEquals("FEES", fees.getString("category"));
    assertFalse(fees.getBoolean("taskForce"));

    JsonObject large = submit(aComplaint().about("年费重复扣收").demanding("COMPENSATION", "150000"));
    assertEquals("RED", large.getString("severity"), "a demand of 150,000 is a major loss");
  }

  @Test
  @DisplayName(
      "R-G1 R-G2 staff regrade and reclassify with a reason, recorded internally in the timeline"
          + " as the signed-in person")
  void regradeWithReason() {
    String number = submit(aComplaint().about("年费重复扣收")).getString("number");
    HttpResponse<String> regraded =
        Api.request(
            "PUT",
            COMPLAINTS + "/" + number + "/grade",
            "application/json",
            "{\"severity\":\"YELLOW\",\"category\":\"PRODUCT\",\"by\":\"someone else\","
                + "\"reason\":\"INTERNAL 涉及产品规则\"}",
            "Authorization",
            "Bearer " + Tokens.person("主管 孙七", List.of("supervisor"), null, "E20077", null));
    assertEquals(200, regraded.statusCode(), regraded.body());
    JsonObject view = Api.json(regraded);
    assertEquals("YELLOW", view.getString("severity"));
    assertEquals("PRODUCT", view.getString("category"));
    assertFalse(view.toString().contains("INTERNAL"), "the reason is an internal note");
    assertEquals(
        1,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind = 'REGRADED'"
                + " and e.actor = '主管 孙七 (E20077)'",
            number),
        "recorded as the signed-in supervisor, not the body's name");

    HttpResponse<String> noReason =
        Api.request(
            "PUT",
            COMPLAINTS + "/" + number + "/grade",
            "application/json",
            "{\"severity\":\"RED\",\"category\":\"SECURITY\",\"by\":\"x\"}");
    assertEquals(400, noReason.statusCode(), noReason.body());
  }

  @Test
  @DisplayName(
      "R-G1 regraded to Red, the running clocks take the Red deadlines from their start; a milder grade never moves them later")
  void regradeToRedRetimesTheRunningClocks() {
    String number = submit(aComplaint().about("年费重复扣收")).getString("number");
    JsonObject before = Api.clock(number, "CUSTOMER_CONTACT");
    OffsetDateTime started = OffsetDateTime.parse(before.getString("startedAt"));
    assertEquals(started.plusHours(24).toInstant(), dueAt(before), "Green: within 24 hours");

    regrade(number, "RED", "SECURITY", "客户补充：卡片已被盗刷");
    assertEquals(
        started.plusHours(1).toInstant(),
        dueAt(Api.clock(number, "CUSTOMER_CONTACT")),
        "Red: within the hour of the same start");
    JsonObject investigation = Api.clock(number, "INVESTIGATION_START");
    assertEquals(
        OffsetDateTime.parse(investigation.getString("startedAt")).plusHours(1).toInstant(),
        dueAt(investigation));
    assertEquals(
        1,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind = 'REGRADED'"
                + " and e.summary like '%deadlines re-timed: CUSTOMER_CONTACT now due%'",
            number),
        "the new deadlines are on record");

    regrade(number, "GREEN", "FEES", "核实后仅为年费问题");
    assertEquals(
        started.plusHours(1).toInstant(),
        dueAt(Api.clock(number, "CUSTOMER_CONTACT")),
        "never later than already promised");
  }

  @Test
  @DisplayName("R-G1 a wide system outage is graded Red at intake, one customer's fault Yellow")
  void wideOutageIsRed() {
    JsonObject wide = submit(aComplaint().about("手机银行大面积无法登录，全行系统瘫痪"));
    assertEquals("RED", wide.getString("severity"));
    assertEquals("SYSTEM", wide.getString("category"));
    assertTrue(wide.getBoolean("taskForce"));
    JsonObject single = submit(aComplaint().about("我的手机银行无法登录"));
    assertEquals("YELLOW", single.getString("severity"));
  }

  @Test
  @DisplayName(
      "R-I7 the contact clock runs from receipt: a letter registered three hours after it arrived has 21 hours left")
  void contactClockRunsFromReceipt() {
    OffsetDateTime received = TestClock.now().minusHours(3).withNano(0);
    JsonObject letter =
        submit(aComplaint().from("LETTER").receivedAt(received.toString()).about("年费重复扣收"));
    JsonObject contact = Api.clock(letter.getString("number"), "CUSTOMER_CONTACT");
    assertEquals(
        received.toInstant(), OffsetDateTime.parse(contact.getString("startedAt")).toInstant());
    assertEquals(received.plusHours(24).toInstant(), dueAt(contact));
  }

  private static java.time.Instant dueAt(JsonObject clock) {
    return OffsetDateTime.parse(clock.getString("dueAt")).toInstant();
  }

  private static void regrade(String number, String severity, String category, String reason) {
    HttpResponse<String> regraded =
        Api.request(
            "PUT",
            COMPLAINTS + "/" + number + "/grade",
            "application/json",
            Json.createObjectBuilder()
                .add("severity", severity)
                .add("category", category)
                .add("reason", reason)
                .build()
                .toString(),
            "Authorization",
            "Bearer " + Tokens.person("主管 孙七", List.of("supervisor"), null, "E20077", null));
    assertEquals(200, regraded.statusCode(), regraded.body());
  }

  @Test
  @DisplayName("R-G1 the grading rules are data: a new rule grades the next complaint at once")
  void rulesAreData() {
    String original = Api.get(RULES).body();
    JsonArray rules = Api.jsonArray(Api.get(RULES));
    assertTrue(rules.size() >= 7, rules.toString());
    try {
      JsonArray withNew =
          Json.createArrayBuilder(rules)
              .add(
                  Json.createObjectBuilder()
                      .add("priority", 1)
                      .add("keywords", Json.createArrayBuilder().add("演练关键词"))
                      .add("severity", "RED")
                      .add("category", "OTHER")
                      .add("description", "drill"))
              .build();
      HttpResponse<String> replaced =
          Api.putJson(RULES, Json.createObjectBuilder().add("rules", withNew).build().toString());
      assertEquals(200, replaced.statusCode(), replaced.body());
      assertEquals("RED", submit(aComplaint().about("演练关键词")).getString("severity"));

      HttpResponse<String> noCondition =
          Api.putJson(
              RULES,
              "{\"rules\":[{\"priority\":1,\"severity\":\"RED\",\"description\":\"everything\"}]}");
      assertEquals(422, noCondition.statusCode(), noCondition.body());
    } finally {
      HttpResponse<String> restored = Api.putJson(RULES, "{\"rules\":" + original + "}");
      assertEquals(200, restored.statusCode(), restored.body());
    }
  }

  @Test
  @DisplayName(
      "R-G1 administrators replacing the grading rules at once: one set stays whole, none mixed with another")
  void replacementsAtOnceLeaveOneSet() throws Exception {
    String original = Api.get(RULES).body();
    JsonArray rules = Api.jsonArray(Api.get(RULES));
    int administrators = 6;
    ExecutorService pool = Executors.newFixedThreadPool(administrators);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> replaced = new ArrayList<>();
      for (int i = 0; i < administrators; i++) {
        String body =
            Json.createObjectBuilder()
                .add(
                    "rules",
                    Json.createArrayBuilder(rules)
                        .add(
                            Json.createObjectBuilder()
                                .add("priority", 1)
                                .add("keywords", Json.createArrayBuilder().add("并发演练" + i))
                                .add("severity", "YELLOW")
                                .add("category", "OTHER")
                                .add("description", "concurrent drill " + i)))
                .build()
                .toString();
        replaced.add(
            pool.submit(
                () -> {
                  start.await();
                  return Api.putJson(RULES, body);
                }));
      }
      start.countDown();
      for (Future<HttpResponse<String>> answer : replaced) {
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode(), response.body());
      }
      JsonArray stored = Api.jsonArray(Api.get(RULES));
      List<String> drills =
          stored.getValuesAs(JsonObject.class).stream()
              .map(rule -> rule.getString("description", ""))
              .filter(description -> description.startsWith("concurrent drill"))
              .toList();
      assertEquals(1, drills.size(), "the last replacement's set alone: " + drills);
      assertEquals(rules.size() + 1, stored.size(), stored.toString());
    } finally {
      pool.shutdownNow();
      HttpResponse<String> restored = Api.putJson(RULES, "{\"rules\":" + original + "}");
      assertEquals(200, restored.statusCode(), restored.body());
    }
  }

  @Test
  @DisplayName(
      "R-G3 rules propose cause tags at intake; staff replace them with a reason kept internal")
  void causeTags() {
    JsonObject tagged = submit(aComplaint().from("BRANCH_COUNTER").about("柜员操作失误，且只开一个窗口"));
    assertEquals(
        List.of("BUSINESS_PROCESSING_ERROR", "CLOSED_COUNTERS"),
        strings(tagged.getJsonArray("causeTags")));
    String number = tagged.getString("number");
    HttpResponse<String> retagged =
        Api.request(
            "PUT",
            COMPLAINTS + "/" + number + "/cause-tags",
            "application/json",
            "{\"tags\":[\"LONG_WAIT_SIMPLE_BUSINESS\",\"IDLE_COUNTERS_NOT_CALLING\"],"
                + "\"by\":\"网点主任 周八\",\"reason\":\"INTERNAL 调阅监控\"}");
    assertEquals(200, retagged.statusCode(), retagged.body());
    assertEquals(
        List.of("LONG_WAIT_SIMPLE_BUSINESS", "IDLE_COUNTERS_NOT_CALLING"),
        strings(Api.json(retagged).getJsonArray("causeTags")));
    assertFalse(retagged.body().contains("INTERNAL"), "the reason is an internal note");
    assertEquals(
        2,
        Database.count(
            "select count(*) from complaint_cause_tag t join complaint c on c.id = t.complaint_id"
                + " where c.complaint_number = ?",
            number));
    assertEquals(
        1,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind = 'CAUSES_TAGGED'",
            number));
    HttpResponse<String> unknown =
        Api.request(
            "PUT",
            COMPLAINTS + "/" + number + "/cause-tags",
            "application/json",
            "{\"tags\":[\"RUDE_WEATHER\"],\"by\":\"x\",\"reason\":\"y\"}");
    assertEquals(400, unknown.statusCode(), unknown.body());
  }

  @Test
  @DisplayName(
      "R-I7 an urgent complaint gets a named owner at once, the department's duty owner, and the customer is told")
  void namedOwnerForRed() {
    String departments = "/api/v1/admin/departments";
    HttpResponse<String> named =
        Api.putJson(departments + "/CSC/duty-owner", "{\"dutyOwner\":\"客服中心 值班经理 孙七\"}");
    assertEquals(200, named.statusCode(), named.body());

    String number = submit(aComplaint().about("账户被盗刷 5 万元")).getString("number");
    JsonObject red = Api.json(Api.get(COMPLAINTS + "/" + number));
    assertEquals("客服中心 值班经理 孙七", red.getString("owner"));
    assertTrue(
        red.getJsonArray("timeline").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                s ->
                    s.getString("kind").equals("OWNER_NAMED")
                        && s.getString("what").contains("孙七")),
        red.toString());

    JsonObject green = submit(aComplaint().about("年费重复扣收"));
    assertFalse(green.containsKey("owner"), "a general complaint has no named owner yet");
    HttpResponse<String> regraded =
        Api.request(
            "PUT",
            COMPLAINTS + "/" + green.getString("number") + "/grade",
            "application/json",
            "{\"severity\":\"RED\",\"category\":\"SECURITY\",\"by\":\"主管\","
                + "\"reason\":\"发现账户异常交易\"}");
    assertEquals(200, regraded.statusCode(), regraded.body());
    assertEquals("客服中心 值班经理 孙七", Api.json(regraded).getString("owner"));

    assertEquals(
        404, Api.putJson(departments + "/NOPE/duty-owner", "{\"dutyOwner\":\"x\"}").statusCode());
    assertEquals(
        400, Api.putJson(departments + "/CSC/duty-owner", "{\"dutyOwner\":\" \"}").statusCode());
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-G1, R-G2: grading proposed by rules kept as data, and changed by staff with a reason. */
class GradingIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";
  private static final String RULES = "/api/v1/admin/grading-rules";

  private static JsonObject submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson(COMPLAINTS, complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created);
  }

  private static JsonObject clock(String number, String stage) {
    for (JsonValue value : Api.jsonArray(Api.get(COMPLAINTS + "/" + number + "/clocks"))) {
      if (value.asJsonObject().getString("stage").equals(stage)) {
        return value.asJsonObject();
      }
    }
    throw new AssertionError("no " + stage + " clock");
  }

  @Test
  @DisplayName(
      "R-G1 R-G2 a card-fraud complaint is graded Red / Security at intake, gets its task force and runs on Red deadlines")
  void redAtIntake() {
    JsonObject red = submit(aComplaint().about("信用卡被盗刷三笔"));
    assertEquals("RED", red.getString("severity"));
    assertEquals("SECURITY", red.getString("category"));
    assertTrue(red.getBoolean("taskForce"));
    JsonObject contact = clock(red.getString("number"), "CUSTOMER_CONTACT");
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
      "R-G1 R-G2 staff regrade and reclassify with a reason, recorded internally in the timeline")
  void regradeWithReason() {
    String number = submit(aComplaint().about("年费重复扣收")).getString("number");
    HttpResponse<String> regraded =
        Api.request(
            "PUT",
            COMPLAINTS + "/" + number + "/grade",
            "application/json",
            "{\"severity\":\"YELLOW\",\"category\":\"PRODUCT\",\"by\":\"主管 孙七\","
                + "\"reason\":\"INTERNAL 涉及产品规则\"}");
    assertEquals(200, regraded.statusCode(), regraded.body());
    JsonObject view = Api.json(regraded);
    assertEquals("YELLOW", view.getString("severity"));
    assertEquals("PRODUCT", view.getString("category"));
    assertFalse(view.toString().contains("INTERNAL"), "the reason is an internal note");
    assertEquals(
        1,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind = 'REGRADED' and e.actor = '主管 孙七'",
            number));

    HttpResponse<String> noReason =
        Api.request(
            "PUT",
            COMPLAINTS + "/" + number + "/grade",
            "application/json",
            "{\"severity\":\"RED\",\"category\":\"SECURITY\",\"by\":\"x\"}");
    assertEquals(400, noReason.statusCode(), noReason.body());
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
}

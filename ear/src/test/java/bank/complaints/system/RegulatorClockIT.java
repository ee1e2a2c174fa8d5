package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Beyond-rule: the regulator's clock (the 2020 measures on consumer complaint handling for banking
 * and insurance institutions) runs beside the bank's own on every complaint: a decision within 15
 * calendar days of receipt, extendable to 30 for a complex case and by a further 30 only with a
 * senior approver, the customer told each time; it stops when the decision reaches the customer.
 */
class RegulatorClockIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";

  private static Instant at(JsonObject json, String field) {
    return OffsetDateTime.parse(json.getString(field)).toInstant();
  }

  private static HttpResponse<String> extend(String number, String extension, String token) {
    return Api.postJson(
        COMPLAINTS + "/" + number + "/clocks/REGULATOR_DECISION/extensions",
        Json.createObjectBuilder()
            .add("extension", extension)
            .add("reason", "需调取两年交易记录并外部鉴定")
            .build()
            .toString(),
        "Authorization",
        "Bearer " + token);
  }

  @Test
  @DisplayName(
      "Beyond-rule (regulator): 15 calendar days from receipt on every complaint, shown in progress; extended to 30 only for a complex case, further only by a senior approver, the customer told each time")
  void fifteenThirtySixtyDays() throws Exception {
    OffsetDateTime received = TestClock.now().minusHours(5).withNano(0);
    HttpResponse<String> created =
        Api.postJson(
            COMPLAINTS,
            aComplaint().from("LETTER").receivedAt(received.toString()).about("理财产品赎回纠纷").json());
    assertEquals(201, created.statusCode(), created.body());
    String number = Api.json(created).getString("number");
    JsonObject regulator = Api.clock(number, "REGULATOR_DECISION");
    assertEquals("CALENDAR_TIME", regulator.getString("measure"));
    assertEquals(received.toInstant(), at(regulator, "startedAt"), "from receipt");
    assertEquals(received.toInstant().plus(Duration.ofDays(15)), at(regulator, "dueAt"));
    JsonObject progress = Api.json(Api.get(COMPLAINTS + "/" + number));
    assertEquals(at(regulator, "dueAt"), at(progress, "decisionDueBy"), "shown in progress");

    String department = progress.getString("department");
    String departmentHead =
        Tokens.person("部门负责人 钱六", List.of("department-head"), department, "E30006", null);
    HttpResponse<String> notComplex = extend(number, "P15D", departmentHead);
    assertEquals(409, notComplex.statusCode(), notComplex.body());
    assertTrue(notComplex.body().contains("complex"), notComplex.body());

    HttpResponse<String> complex =
        Api.postJson(
            COMPLAINTS + "/" + number + "/complex",
            Json.createObjectBuilder().add("reason", "涉及外部鉴定").build().toString(),
            "Authorization",
            "Bearer " + Tokens.person("主管 周九", List.of("supervisor"), null, "E20090", null));
    assertEquals(200, complex.statusCode(), complex.body());

    HttpResponse<String> toThirty = extend(number, "P15D", departmentHead);
    assertEquals(200, toThirty.statusCode(), toThirty.body());
    assertEquals(received.toInstant().plus(Duration.ofDays(30)), at(Api.json(toThirty), "dueAt"));
    HttpResponse<String> beyondBySame = extend(number, "P30D", departmentHead);
    assertEquals(409, beyondBySame.statusCode(), beyondBySame.body());
    assertTrue(beyondBySame.body().contains("senior"), beyondBySame.body());

    HttpResponse<String> toSixty =
        extend(number, "P30D", Tokens.approver("EXECUTIVE", "E90001", "总行"));
    assertEquals(200, toSixty.statusCode(), toSixty.body());
    assertEquals(received.toInstant().plus(Duration.ofDays(60)), at(Api.json(toSixty), "dueAt"));
    HttpResponse<String> past = extend(number, "P1D", Tokens.approver("EXECUTIVE", "E90001", "总行"));
    assertEquals(409, past.statusCode(), "60 days is the most: " + past.body());
    assertEquals(
        at(Api.json(toSixty), "dueAt"),
        at(Api.json(Api.get(COMPLAINTS + "/" + number)), "decisionDueBy"));

    assertEquals(
        1,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind = 'DEADLINE_EXTENDED'"
                + " and e.summary like ?",
            number,
            "%REGULATOR_DECISION deadline extended by P30D, approved by 审批人 E90001 (E90001) as"
                + " EXECUTIVE%"),
        "recorded as an approval: who, by which role");
    for (int told = 0; told < 2; told++) {
      JsonObject notice =
          Broker.receive("complaints.notifications", number, "DEADLINE_EXTENDED", 15_000);
      assertNotNull(notice, "the customer is told each time (" + told + ")");
    }
  }

  @Test
  @DisplayName(
      "Beyond-rule (regulator): the clock stops when the decision reaches the customer, and the statistics count it by stage")
  void stopsWithTheDecisionAndIsCounted() throws Exception {
    HttpResponse<String> created = Api.postJson(COMPLAINTS, aComplaint().about("年费重复扣收").json());
    assertEquals(201, created.statusCode(), created.body());
    String number = Api.json(created).getString("number");
    Api.postJson(
        COMPLAINTS + "/" + number + "/investigation",
        Json.createObjectBuilder().add("plan", "调取扣费流水").build().toString());
    HttpResponse<String> proposed =
        Api.postJson(
            COMPLAINTS + "/" + number + "/resolution",
            Json.createObjectBuilder()
                .add("type", "EXPLANATION_AND_APOLOGY")
                .add("conclusion", "经核实属系统重复扣收")
                .add("ruleReliedOn", "《信用卡章程》第十二条")
                .add("howCarriedOut", "书面致歉")
                .build()
                .toString());
    assertEquals(2, proposed.statusCode() / 100, proposed.body());
    HttpResponse<String> approved =
        Api.postJson(
            COMPLAINTS + "/" + number + "/approvals",
            Json.createObjectBuilder()
                .add("role", "DEPARTMENT_HEAD")
                .add("decision", "APPROVE")
                .add("reason", "同意")
                .build()
                .toString(),
            "Authorization",
            "Bearer "
                + Tokens.approver(
                    "DEPARTMENT_HEAD",
                    "E30007",
                    null,
                    Api.json(Api.get(COMPLAINTS + "/" + number)).getString("department")));
    assertEquals(2, approved.statusCode() / 100, approved.body());
    JsonObject regulator = Api.clock(number, "REGULATOR_DECISION");
    assertEquals("STOPPED", regulator.getString("state"), "the decision reached the customer");
    assertFalse(
        Api.json(Api.get(COMPLAINTS + "/" + number)).containsKey("decisionDueBy"),
        "nothing due any more");

    LocalDateRange today = new LocalDateRange();
    Statistics.awaitRefresh(Duration.ofMinutes(3));
    JsonObject stage =
        Api.json(Api.get("/api/v1/statistics?from=" + today.from + "&to=" + today.to))
            .getJsonObject("overall")
            .getJsonObject("onTimeByStage")
            .getJsonObject("REGULATOR_DECISION");
    assertTrue(stage.getJsonNumber("of").longValue() >= 1, "counted by stage: " + stage);
    assertTrue(stage.getJsonNumber("count").longValue() >= 1, "on time: " + stage);
  }

  /** Today and tomorrow in the bank's zone: a complaint near midnight is counted on either. */
  private static final class LocalDateRange {
    final java.time.LocalDate from = TestClock.today();
    final java.time.LocalDate to = from.plusDays(1);
  }
}

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-X1: complaints by the same customer (known by identity, not by how the name was typed) on the
 * same issue are linked, each repeat gets a supervisor review task, and more than two on one issue
 * escalate to a supervisor-led case with a named follower.
 */
class RepeatIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";
  private static final String FEE = "信用卡年费被重复扣收";
  private static final String OUTAGE = "手机银行转账失败 outage";

  @Test
  @DisplayName(
      "R-X1 repeats are linked and reviewed; the third on one issue is led by a supervisor")
  void repeatsAreLinkedReviewedAndEscalated() throws Exception {
    String id = idCard();
    JsonObject first =
        submit(aComplaint().withCustomer("王芳", mobile()).withIdentity("ID_CARD", id).about(FEE));
    assertTrue(notARepeat(first), first.toString());

    // The same person, her name typed differently and another mobile: known by her ID card.
    JsonObject second =
        submit(aComplaint().withCustomer("王 芳", mobile()).withIdentity("ID_CARD", id).about(FEE));
    JsonObject repeat = second.getJsonObject("repeat");
    assertEquals(first.getString("number"), repeat.getString("of"));
    assertEquals(2, repeat.getInt("place"));
    assertFalse(repeat.getBoolean("supervisorLed"));
    JsonObject review = task(second.getString("number"), "REPEAT_REVIEW");
    assertTrue(review.getString("ask").contains(first.getString("number")), review.toString());
    assertFalse(second.getBoolean("taskForce"));

    JsonObject third =
        submit(aComplaint().withCustomer("王芳", mobile()).withIdentity("ID_CARD", id).about(FEE));
    JsonObject escalated = third.getJsonObject("repeat");
    assertEquals(3, escalated.getInt("place"));
    assertEquals(first.getString("number"), escalated.getString("of"));
    assertTrue(escalated.getBoolean("supervisorLed"));
    assertEquals(dutyOwner("CSC"), escalated.getString("follower"), "CSC's duty owner follows it");
    assertTrue(third.getBoolean("taskForce"), "led with the department and customer service");
    task(third.getString("number"), "REPEAT_REVIEW");
    JsonObject alert =
        Broker.receiveMatching(
            "complaints.escalations.supervisor",
            third.getString("number"),
            m -> m.getString("kind").equals("REPEAT"),
            15_000);
    assertNotNull(alert, "the supervisor is alerted");
    assertEquals(List.of(), AsyncApiContract.violations("EscalationV1", alert));

    HttpResponse<String> series =
        Api.get(COMPLAINTS + "/" + third.getString("number") + "/repeats");
    assertEquals(200, series.statusCode(), series.body());
    JsonArray all = Api.jsonArray(series);
    assertEquals(3, all.size());
    assertEquals(first.getString("number"), all.getJsonObject(0).getString("number"));
    assertEquals(3, all.getJsonObject(2).getInt("place"));
    assertTrue(
        Api.get(COMPLAINTS + "/" + third.getString("number")).body().contains("专人跟进"),
        "the customer sees who follows the case");
  }

  @Test
  @DisplayName(
      "R-X1 R-I6 a retry of a repeat is answered with its place in the series, as the first try was")
  void aRetriedRepeatIsAnsweredWithItsPlace() {
    String id = idCard();
    JsonObject first =
        submit(aComplaint().withCustomer("李娜", mobile()).withIdentity("ID_CARD", id).about(FEE));
    String again =
        aComplaint().withCustomer("李娜", mobile()).withIdentity("ID_CARD", id).about(FEE).json();
    String key = "repeat-retry-" + UUID.randomUUID();
    HttpResponse<String> second = Api.postJson(COMPLAINTS, again, "Idempotency-Key", key);
    assertEquals(201, second.statusCode(), second.body());

    HttpResponse<String> retry = Api.postJson(COMPLAINTS, again, "Idempotency-Key", key);
    assertEquals(201, retry.statusCode(), retry.body());
    assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null));
    JsonObject answered = Api.json(retry);
    assertEquals(Api.json(second).getString("number"), answered.getString("number"));
    JsonObject repeat = answered.getJsonObject("repeat");
    assertNotNull(repeat, answered.toString());
    assertEquals(first.getString("number"), repeat.getString("of"));
    assertEquals(2, repeat.getInt("place"));
  }

  @Test
  @DisplayName("R-X1 another issue, or another customer, is not a repeat")
  void anotherIssueOrAnotherCustomerIsNot() throws Exception {
    String id = idCard();
    submit(aComplaint().withIdentity("ID_CARD", id).about(FEE));
    JsonObject otherIssue =
        submit(
            aComplaint()
                .withIdentity("ID_CARD", id)
                .about(OUTAGE)
                .describing("转账失败，页面报错，款项未到账 outage"));
    assertEquals("SYSTEM", otherIssue.getString("category"));
    assertTrue(notARepeat(otherIssue), otherIssue.toString());
    JsonObject otherCustomer = submit(aComplaint().withIdentity("ID_CARD", idCard()).about(FEE));
    assertTrue(notARepeat(otherCustomer), otherCustomer.toString());
    // Without an ID number the mobile identifies the customer.
    String mobile = mobile();
    submit(aComplaint().withCustomer("赵六", mobile).about(FEE));
    JsonObject byMobile = submit(aComplaint().withCustomer("赵 六", mobile).about(FEE));
    assertEquals(2, byMobile.getJsonObject("repeat").getInt("place"));
  }

  @Test
  @DisplayName(
      "R-X1 V41: a customer is found again through one index, the customer key; the ID number's"
          + " hash has none of its own")
  void theCustomerIsFoundThroughTheCustomerKeyIndexAlone() {
    if (!"postgresql".equals(Runtime.database())) {
      return; // the catalogue read is PostgreSQL's; the migration itself runs on both
    }
    assertEquals(
        "CREATE INDEX complaint_customer_key_idx ON public.complaint USING btree"
            + " (customer_key, received_at)",
        Database.text(
            "select indexdef from pg_indexes where indexname = 'complaint_customer_key_idx'"
                + " and schemaname = current_schema()"));
    assertEquals(
        0,
        Database.count(
            "select count(*) from pg_indexes where tablename = 'complaint'"
                + " and schemaname = current_schema() and indexdef like '%(id_number_hash%'"));
  }

  private static String dutyOwner(String department) {
    return Api.jsonArray(Api.get("/api/v1/admin/departments")).stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(d -> d.getString("code").equals(department))
        .findFirst()
        .orElseThrow()
        .getString("dutyOwner");
  }

  private static boolean notARepeat(JsonObject complaint) {
    return !complaint.containsKey("repeat") || complaint.isNull("repeat");
  }

  private static JsonObject submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson(COMPLAINTS, complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created);
  }

  private static JsonObject task(String number, String kind) throws Exception {
    JsonObject task =
        Broker.receiveMatching(
            "complaints.tasks.CSC", number, m -> m.getString("kind").equals(kind), 15_000);
    assertNotNull(task, "a " + kind + " task for " + number);
    assertEquals(List.of(), AsyncApiContract.violations("TaskV1", task));
    return task;
  }

  private static String mobile() {
    return Customers.mobile();
  }

  private static String idCard() {
    return Customers.idCard();
  }
}

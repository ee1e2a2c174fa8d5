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
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The deployed EAR end to end: migrations, the intake slice through every layer, readiness. */
class PlatformIT extends SystemTest {

  @Test
  @DisplayName("The versioned migrations ran on deployment and seeded the departments")
  void migrationsRan() {
    assertEquals(
        1,
        Database.count(
            "select count(*) from flyway_schema_history where version = '1' and success = true"));
    assertEquals(6, Database.count("select count(*) from department"));
    assertEquals(
        "complaints.tasks.CSC",
        Database.text("select task_queue from department where code = 'CSC'"));
  }

  @Test
  @DisplayName(
      "R-I6 R-F1 A submitted complaint is stored, numbered, readable, and its assignment task reaches the department queue")
  void complaintSliceEndToEnd() throws Exception {
    ComplaintJson submitted =
        aComplaint().from("WECHAT").withCustomer("王小明", Customers.mobile()).about("信用卡年费被重复扣收");
    HttpResponse<String> created = Api.postJson("/api/v1/complaints", submitted.json());

    assertEquals(201, created.statusCode(), created.body());
    JsonObject complaint = Api.json(created);
    String number = complaint.getString("number");
    assertTrue(number.matches("C\\d{8}-\\d{7}"), number);
    assertEquals(
        Runtime.BASE_URL + "/api/v1/complaints/" + number,
        created.headers().firstValue("Location").orElseThrow());
    assertEquals("ASSIGNED", complaint.getString("status"));
    assertEquals("CSC", complaint.getString("department"));
    assertEquals(
        submitted.maskedMobile(),
        complaint.getJsonObject("customer").getString("mobile"),
        "R-S2 mobile masked");
    assertTrue(complaint.getString("receivedAt").endsWith("+08:00"), "shown in the bank's zone");

    HttpResponse<String> read = Api.get("/api/v1/complaints/" + number);
    assertEquals(200, read.statusCode());
    JsonObject readBack = Api.json(read);
    complaint.forEach(
        (field, value) -> assertEquals(value, readBack.get(field), field + " reads back the same"));

    assertEquals(
        1,
        Database.count(
            "select count(*) from complaint where complaint_number = ? and channel = 'WECHAT' and status = 'ASSIGNED'"
                + " and customer_mobile like 'enc:v1:%' and customer_mobile_hash is not null"
                + " and subject = '信用卡年费被重复扣收'",
            number));
    assertEquals(
        1,
        Database.count(
            "select count(*) from work_task t join complaint c on c.id = t.complaint_id"
                + " where c.complaint_number = ? and t.kind = 'ASSIGNMENT' and t.department_code = 'CSC'",
            number));

    Message message = Broker.receive("complaints.tasks.CSC", number, 30_000);
    assertNotNull(message, "the assignment task reached the department's queue");
    JsonObject task = Api.json(((TextMessage) message).getText());
    assertEquals("ASSIGNMENT", task.getString("kind"));
    assertEquals(number, task.getString("complaintNumber"));
    assertEquals(1, task.getInt("schemaVersion"));
    assertEquals(
        submitted.maskedMobile(),
        task.getString("customerMobile"),
        "R-S2 no full mobile on the queue");
    assertEquals(
        Database.text(
            "select t.id from work_task t join complaint c on c.id = t.complaint_id where c.complaint_number = ?",
            number),
        task.getString("taskId"));
    assertEquals(
        Database.text(
            "select message_id from outbox_message where message_key = ?"
                + " and destination = 'complaints.tasks.CSC'",
            number),
        message.getStringProperty("_AMQ_DUPL_ID"),
        "published with the outbox row's duplicate-detection id");
    assertNull(
        Broker.receive("complaints.tasks.CSC", number, "ASSIGNMENT", 2_000),
        "published exactly once");
    assertEquals(
        0,
        Database.count(
            "select count(*) from outbox_message where message_key = ? and published_at is null",
            number));
  }

  @Test
  @DisplayName(
      "R-F1 A committed task and notice are sent from memory by the server that wrote them (ADR"
          + " 0003, hand-off): delivered with their commit time, marked published, their rows"
          + " never read back and claimed by a table read")
  void committedMessagesAreHandedOverNotReadBack() throws Exception {
    String number = submitted(Customers.mobile(), "信用卡年费被重复扣收");
    Message task = Broker.receive("complaints.tasks.CSC", number, 30_000);
    assertNotNull(task);
    // The department sees when the registration committed: after the task was opened in it, and
    // before the relay sent it (issue 18: the department's wait from the commit).
    assertTrue(task.propertyExists("committedAt"), "a handed-over message carries its commit time");
    long committed = task.getLongProperty("committedAt");
    long opened =
        OffsetDateTime.parse(Api.json(((TextMessage) task).getText()).getString("createdAt"))
            .toInstant()
            .toEpochMilli();
    long sent = task.getJMSTimestamp() + TestClock.SHIFT.toMillis(); // the broker's is real time
    assertTrue(
        opened <= committed && committed <= sent,
        "opened " + opened + " <= committed " + committed + " <= sent " + sent);
    awaitPublished(number);
    assertTrue(
        Database.count(
                "select count(*) from outbox_message where message_key = ?"
                    + " and published_at is not null",
                number)
            >= 2,
        "the task and the acceptance notice published");
    assertEquals(
        0,
        Database.count(
            "select count(*) from outbox_message where message_key = ?"
                + " and claimed_until <> created_at + interval '60' second",
            number),
        "each still held by the claim its writer made in the insert: a read of the table claims"
            + " every row it sends anew");
  }

  @Test
  @DisplayName(
      "R-F1 A message the broker already has (sent, then its marking lost) is dropped as a duplicate; the rest of its batch is delivered once")
  void resentMessageIsDroppedAndItsBatchStillDelivered() throws Exception {
    String first = submitted(Customers.mobile(), "信用卡年费被重复扣收");
    assertNotNull(Broker.receive("complaints.tasks.CSC", first, "ASSIGNMENT", 30_000));
    awaitPublished(first);

    // A crash between sending and marking: the row is pending again, and the broker has its id.
    // The relay's read of the table sends it in a batch of its own; the broker refuses a batch
    // that holds a duplicate as a whole, and the relay then sends its messages one by one. The
    // next complaint's messages, handed over from memory, are delivered meanwhile.
    assertEquals(
        1,
        Database.update(
            "update outbox_message set published_at = null"
                + " where message_key = ? and destination = 'complaints.tasks.CSC'",
            first));
    String second = submitted(Customers.mobile(), "信用卡年费被重复扣收");

    assertNotNull(
        Broker.receive("complaints.tasks.CSC", second, "ASSIGNMENT", 30_000),
        "the next complaint's task is delivered");
    awaitPublished(first);
    awaitPublished(second);
    assertNull(
        Broker.receive("complaints.tasks.CSC", first, "ASSIGNMENT", 2_000),
        "the resend was dropped");
    assertNull(
        Broker.receive("complaints.tasks.CSC", second, "ASSIGNMENT", 1_000),
        "delivered exactly once");
  }

  private static String submitted(String mobile, String subject) {
    HttpResponse<String> created =
        Api.postJson(
            "/api/v1/complaints",
            aComplaint().from("WECHAT").withCustomer("王小明", mobile).about(subject).json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created).getString("number");
  }

  private static void awaitPublished(String number) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (Database.count(
              "select count(*) from outbox_message where message_key = ? and published_at is null",
              number)
          == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the outbox rows of " + number + " are still pending after 30 s");
  }

  @Test
  @DisplayName("Readiness is UP with the database and the broker reachable")
  void readyWhenEverythingIsUp() {
    HttpResponse<String> ready = Api.get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertEquals("UP", Api.json(ready).getString("status"));
  }

  @Test
  @DisplayName("Operations find the OpenAPI document and the application's metrics")
  void openApiAndMetricsAreServed() {
    HttpResponse<String> openApi = Api.get("/openapi");
    assertEquals(200, openApi.statusCode(), openApi.body());
    assertTrue(openApi.body().contains("/api/v1/complaints/{number}"), openApi.body());
    assertTrue(openApi.body().contains("ComplaintSubmission"), openApi.body());
    for (String described :
        new String[] {
          "/api/v1/complaints/{number}/evidence",
          "/api/v1/complaints/{number}/evidence/files",
          "/api/v1/complaints/{number}/evidence/verification",
          "/api/v1/complaints/{number}/cause-tags",
          "/api/v1/admin/departments/{code}/duty-owner",
          "multipart/form-data",
          "complaint recorded at the counter", // a worked example a channel team can copy
          "application/problem+json"
        }) {
      assertTrue(openApi.body().contains(described), "the OpenAPI document describes " + described);
    }

    Api.postJson("/api/v1/complaints", aComplaint().json());
    HttpResponse<String> metrics = Api.get("/metrics?scope=application");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("complaints_registered_total"), metrics.body());
    assertTrue(metrics.body().contains("complaints_outbox_pending"), metrics.body());
  }

  @Test
  @DisplayName("An unknown complaint number is a 404 problem")
  void unknownComplaintIsNotFound() {
    for (String number : new String[] {"C20260101-9999999", "not-a-number"}) {
      HttpResponse<String> response = Api.get("/api/v1/complaints/" + number);
      assertEquals(404, response.statusCode());
      assertEquals(
          "application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
      assertEquals(404, Api.json(response).getInt("status"));
    }
  }
}

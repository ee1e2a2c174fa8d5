package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Results back from departments on the results queue: idempotent by task id; what can never apply
 * is dead-lettered with its reason, visible to operations and as a metric, and replayable.
 */
class TaskResultsIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";
  private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

  private static void step(String number, String step, String json) {
    HttpResponse<String> response = Api.postJson(COMPLAINTS + "/" + number + "/" + step, json);
    assertTrue(response.statusCode() / 100 == 2, step + ": " + response.body());
  }

  /** A case whose resolution was accepted: its execution task is on the department's queue. */
  static String executing(String number) throws Exception {
    step(number, "customer-contact", "{\"by\":\"王芳\"}");
    step(number, "investigation", "{\"by\":\"李强\",\"plan\":\"核查\"}");
    step(
        number,
        "resolution",
        "{\"type\":\"FEE_WAIVER_OR_REFUND\",\"amount\":50,\"conclusion\":\"多扣\","
            + "\"ruleReliedOn\":\"收费标准\",\"howCarriedOut\":\"退回\",\"by\":\"李强\"}");
    HttpResponse<String> approved =
        Api.postJson(
            "/api/v1/complaints/" + number + "/approvals",
            "{\"role\":\"DEPARTMENT_HEAD\",\"decision\":\"APPROVE\",\"reason\":\"同意\"}",
            "Authorization",
            "Bearer " + Tokens.approver("DEPARTMENT_HEAD", "E3", null));
    assertEquals(200, approved.statusCode(), approved.body());
    step(number, "customer-answer", "{\"accepted\":true,\"recordedBy\":\"app\"}");
    JsonObject task =
        Broker.receiveMatching(
            "complaints.tasks.CSC", number, m -> m.getString("kind").equals("EXECUTION"), 15_000);
    assertNotNull(task, "the execution task");
    return task.getString("taskId");
  }

  static String submit() {
    HttpResponse<String> created = Api.postJson(COMPLAINTS, aComplaint().about("年费").json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created).getString("number");
  }

  private static String status(String number) {
    return Api.json(Api.get(COMPLAINTS + "/" + number)).getString("status");
  }

  static String await(String number, String wanted) throws InterruptedException {
    String status = status(number);
    for (int i = 0; i < 100 && !status.equals(wanted); i++) {
      Thread.sleep(200);
      status = status(number);
    }
    return status;
  }

  static String result(String taskId, String outcome) {
    return Json.createObjectBuilder()
        .add("schemaVersion", 1)
        .add("taskId", taskId)
        .add("outcome", outcome)
        .add("by", "信用卡中心系统")
        .build()
        .toString();
  }

  /** The dead letter whose body contains the text, as operations see it; empty after 20 s. */
  static Optional<JsonObject> deadLetter(String containing) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Optional<JsonObject> found = deadLetterNow(containing);
      if (found.isPresent()) {
        return found;
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  static Optional<JsonObject> deadLetterNow(String containing) {
    JsonArray letters = Api.jsonArray(Api.get(DEAD_LETTERS + "?limit=1000"));
    return letters.stream()
        .map(JsonValue::asJsonObject)
        .filter(l -> l.containsKey("body") && l.getString("body").contains(containing))
        .findFirst();
  }

  @Test
  @DisplayName(
      "R-F7 a result on the results queue completes the execution once, however often it is delivered")
  void resultsQueueIsIdempotent() throws Exception {
    String number = submit();
    String taskId = executing(number);
    String body = result(taskId, "已退费 50 元");
    // As the department's system sends it (its own broker user, R-S1).
    Broker.sendAsDepartment("CSC", "complaints.results", body);
    Broker.sendAsDepartment("CSC", "complaints.results", body);
    assertEquals("FOLLOW_UP", await(number, "FOLLOW_UP"));
    Broker.awaitDrained("complaints.results", 30_000); // the second delivery is processed too
    assertEquals(
        1,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind = 'EXECUTED'",
            number));
    assertEquals(
        1,
        Database.count(
            "select count(*) from work_task t join complaint c on c.id = t.complaint_id"
                + " where c.complaint_number = ? and t.kind = 'FOLLOW_UP_CALL'",
            number),
        "one follow-up call, not two");
  }

  @Test
  @DisplayName(
      "A result that can never apply is dead-lettered with its reason, counted by a metric, and a dead letter can be replayed once the cause is fixed")
  void deadLettersAndReplay() throws Exception {
    String marker = "poison-" + System.nanoTime();
    Broker.send("complaints.results", "{not json " + marker, Map.of());
    Broker.send(
        "complaints.results",
        result("00000000-0000-0000-0000-000000000000", "unknown task " + marker),
        Map.of());
    JsonObject notJson = deadLetter("{not json " + marker).orElseThrow();
    assertEquals("complaints.results", notJson.getString("originalAddress"));
    assertTrue(notJson.getString("reason").contains("not a valid task result"), notJson.toString());
    JsonObject unknown = deadLetter("unknown task " + marker).orElseThrow();
    assertTrue(unknown.getString("reason").contains("No task"), unknown.toString());

    long counted = 0;
    for (int i = 0; i < 40 && counted < 2; i++) {
      Thread.sleep(500);
      String metrics = Api.get("/metrics?scope=application").body();
      counted =
          metrics
              .lines()
              .filter(l -> l.startsWith("complaints_dead_letters"))
              .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
              .findFirst()
              .orElse(0);
    }
    assertTrue(counted >= 2, "complaints_dead_letters counts them: " + counted);

    // A result the broker gave up on (e.g. while the database was down) is replayed once fixed.
    String number = submit();
    String taskId = executing(number);
    String body = result(taskId, "已退费 " + marker);
    Broker.send(
        "complaints.DLQ",
        body,
        Map.of("_AMQ_ORIG_ADDRESS", "complaints.results", "messageType", "complaints.task-result"));
    JsonObject letter = deadLetter("已退费 " + marker).orElseThrow();
    HttpResponse<String> replayed =
        Api.postJson(DEAD_LETTERS + "/" + letter.getString("messageId") + "/replay", "");
    assertEquals(200, replayed.statusCode(), replayed.body());
    assertEquals("complaints.results", Api.json(replayed).getString("sentTo"));
    assertEquals("FOLLOW_UP", await(number, "FOLLOW_UP"));
    assertTrue(deadLetterNow("已退费 " + marker).isEmpty(), "replayed, it left the DLQ");
    assertEquals(404, Api.postJson(DEAD_LETTERS + "/ID:no-such/replay", "").statusCode());
  }

  @Test
  @DisplayName(
      "R-S1 a department's system reads only its own task queue and reports only its own tasks")
  void departmentsAreScopedOnTheQueues() throws Exception {
    assertTrue(Broker.departmentMayConsume("CSC", "complaints.tasks.CSC"));
    assertFalse(Broker.departmentMayConsume("EBANK", "complaints.tasks.CSC"));
    assertFalse(Broker.departmentMayConsume("CSC", "complaints.results"));

    String number = submit();
    String taskId = executing(number);
    String marker = "foreign-" + System.nanoTime();
    long refusedBefore =
        Database.count(
            "select count(*) from audit_entry where action = 'ACCESS_DENIED' and subject = ?",
            "task:" + taskId);
    Broker.sendAsDepartment("EBANK", "complaints.results", result(taskId, "已退费 " + marker));
    JsonObject refused = deadLetter("已退费 " + marker).orElseThrow();
    assertTrue(
        refused.getString("reason").contains("cannot report its result"), refused.toString());
    assertEquals(
        refusedBefore + 1,
        Database.count(
            "select count(*) from audit_entry where action = 'ACCESS_DENIED' and subject = ?"
                + " and actor = 'dept-EBANK'",
            "task:" + taskId));
    assertEquals(
        "EXECUTING", Api.json(Api.get("/api/v1/complaints/" + number)).getString("status"));
    assertEquals("dept-EBANK", refused.getString("sender"));

    // Replayed by operations (through the platform's own broker user), it is judged as EBANK's
    // again: refused again, dead-lettered again, the task untouched.
    HttpResponse<String> replayed =
        Api.postJson(DEAD_LETTERS + "/" + refused.getString("messageId") + "/replay", "");
    assertEquals(200, replayed.statusCode(), replayed.body());
    JsonObject again = awaitDeadLetterOtherThan("已退费 " + marker, refused.getString("messageId"));
    assertTrue(again.getString("reason").contains("cannot report its result"), again.toString());
    assertEquals("dept-EBANK", again.getString("sender"), "the replay keeps the original sender");
    assertEquals(
        refusedBefore + 2,
        Database.count(
            "select count(*) from audit_entry where action = 'ACCESS_DENIED' and subject = ?"
                + " and actor = 'dept-EBANK'",
            "task:" + taskId));
    assertEquals(
        "EXECUTING", Api.json(Api.get("/api/v1/complaints/" + number)).getString("status"));

    Broker.sendAsDepartment("CSC", "complaints.results", result(taskId, "已退费 50 元"));
    assertEquals("FOLLOW_UP", await(number, "FOLLOW_UP"));
  }

  @Test
  @DisplayName(
      "After an outage operations send back every dead-lettered result at once; each applies as its original sender's")
  void bulkReplay() throws Exception {
    String marker = "bulk-" + System.nanoTime();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String number = submit();
      numbers.add(number);
      // As the platform dead-letters a department's result: the sender kept beside the reason.
      Broker.send(
          "complaints.DLQ",
          result(executing(number), "已退费 " + marker),
          Map.of(
              "_AMQ_ORIG_ADDRESS", "complaints.results",
              "originalSender", "dept-CSC",
              "deadLetterReason", "not applied after 8 attempts: " + marker));
    }
    assertTrue(deadLetter("已退费 " + marker).isPresent());

    HttpResponse<String> bad =
        Api.postJson(DEAD_LETTERS + "/replay", "{\"originalAddress\":\"x' OR 1=1\",\"limit\":5}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals(
        400, Api.postJson(DEAD_LETTERS + "/replay", "{\"limit\":0}").statusCode(), "a limit");

    HttpResponse<String> replayed =
        Api.postJson(
            DEAD_LETTERS + "/replay",
            "{\"originalAddress\":\"complaints.results\",\"limit\":1000}");
    assertEquals(200, replayed.statusCode(), replayed.body());
    assertTrue(Api.json(replayed).getInt("count") >= 2, replayed.body());
    for (String number : numbers) {
      assertEquals("FOLLOW_UP", await(number, "FOLLOW_UP"), number);
    }
    assertTrue(deadLetterNow("已退费 " + marker).isEmpty(), "replayed, they left the DLQ");
  }

  /** A dead letter with the text, other than the one named (a message dead-lettered again). */
  private static JsonObject awaitDeadLetterOtherThan(String containing, String messageId)
      throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Optional<JsonObject> found =
          Api.jsonArray(Api.get(DEAD_LETTERS + "?limit=1000")).stream()
              .map(JsonValue::asJsonObject)
              .filter(l -> l.containsKey("body") && l.getString("body").contains(containing))
              .filter(l -> !l.getString("messageId").equals(messageId))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not dead-lettered again: " + containing);
  }
}

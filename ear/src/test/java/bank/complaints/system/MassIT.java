package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-X2: several customers raising a similar issue through the same channel within the window
 * (complaints.mass.customers = 5, complaints.mass.window = PT2H) open an incident at once; one
 * fewer, or one outside the window, does not. The incident links the complaints, alerts the task
 * force, lets one statement and each progress update reach every linked customer, and closes with
 * an evaluation.
 */
class MassIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";
  private static final String INCIDENTS = "/api/v1/incidents";
  private static final long WAIT = 15_000;

  private final String product = "网点排队叫号机-" + System.nanoTime();
  private int customer;

  @Test
  @DisplayName(
      "R-X2 R-G1 N similar complaints in the window open an incident and are graded Red; N-1 (and one outside it) do not")
  void massComplaintIncident() throws Exception {
    // One similar complaint received three hours ago: outside the two-hour window.
    JsonObject old = submit(similar().receivedAt(TestClock.now().minusHours(3).toString()));
    List<JsonObject> inWindow = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      inWindow.add(submit(similar()));
    }
    // Four customers in the window and one before it: not yet a mass complaint.
    for (JsonObject complaint : inWindow) {
      assertFalse(read(complaint).containsKey("incident"), "N-1: " + complaint);
    }
    JsonObject fifth = submit(similar());
    assertTrue(fifth.containsKey("incident"), "the fifth customer opens the incident: " + fifth);
    long id = fifth.getJsonNumber("incident").longValue();
    inWindow.add(fifth);

    JsonObject incident = Api.json(Api.get(INCIDENTS + "/" + id));
    assertEquals("OPEN", incident.getString("status"));
    assertEquals("BRANCH_COUNTER", incident.getString("channel"));
    assertEquals(product, incident.getString("products"));
    assertEquals(numbers(inWindow), strings(incident), "the five in the window, linked");
    assertFalse(strings(incident).contains(old.getString("number")), "not the one outside it");
    for (JsonObject member : inWindow) {
      assertEquals("RED", read(member).getString("severity"), "R-G1 a mass incident is Red");
    }
    assertEquals(old.getString("severity"), read(old).getString("severity"), "not linked, not Red");

    JsonObject opened =
        Broker.receiveMatching(
            "complaints.incidents", "INC-" + id, m -> m.getString("kind").equals("OPENED"), WAIT);
    assertNotNull(opened, "the task force is alerted at once");
    assertEquals(List.of(), AsyncApiContract.violations("IncidentV1", opened));
    assertTrue(opened.getJsonArray("taskForce").toString().contains("OPS"), opened.toString());
    assertTrue(opened.getJsonArray("taskForce").toString().contains("CSC"), opened.toString());

    // A sixth similar complaint joins the open incident.
    JsonObject sixth = submit(similar());
    assertEquals(id, sixth.getJsonNumber("incident").longValue());
    inWindow.add(sixth);
    // R-G1: it is Red from its registration, and the clocks that registration started run on the
    // Red deadlines (re-timed in the same transaction, before any of its rows were written).
    assertEquals("RED", read(sixth).getString("severity"));
    JsonObject contact = Api.clock(sixth.getString("number"), "CUSTOMER_CONTACT");
    assertEquals(
        Duration.ofHours(1),
        Duration.between(
            OffsetDateTime.parse(contact.getString("startedAt")),
            OffsetDateTime.parse(contact.getString("dueAt"))),
        "Red: contact within the hour");

    // One statement reaches every linked customer; so does each progress update.
    publish(id, "statement", "因叫号系统故障导致排队时间过长，本行已启用备用系统，并向受影响客户致歉。");
    for (JsonObject complaint : inWindow) {
      notice(complaint.getString("number"), "INCIDENT_STATEMENT");
    }
    publish(id, "progress", "叫号系统已修复，网点排队恢复正常。");
    for (JsonObject complaint : inWindow) {
      notice(complaint.getString("number"), "INCIDENT_PROGRESS");
    }
    // A customer whose complaint joins after the statement hears it too.
    JsonObject late = submit(similar());
    notice(late.getString("number"), "INCIDENT_STATEMENT");

    HttpResponse<String> closed =
        Api.postJson(
            INCIDENTS + "/" + id + "/closure",
            "{\"text\":\"根因：叫号机固件缺陷；已升级全部网点设备并修订应急预案。\",\"by\":\"运营管理部 孙七\"}");
    assertEquals(200, closed.statusCode(), closed.body());
    assertEquals("CLOSED", Api.json(closed).getString("status"));
    assertTrue(Api.json(closed).getString("evaluation").startsWith("根因"));
    assertNotNull(
        Broker.receiveMatching(
            "complaints.incidents", "INC-" + id, m -> m.getString("kind").equals("CLOSED"), WAIT));
    assertEquals(
        409,
        Api.postJson(INCIDENTS + "/" + id + "/statement", "{\"text\":\"x\",\"by\":\"y\"}")
            .statusCode());
    assertEquals(404, Api.get(INCIDENTS + "/999999999").statusCode());
  }

  private ComplaintJson similar() {
    customer++;
    return aComplaint()
        .from("BRANCH_COUNTER")
        .receivedBy("大堂经理 王五")
        .withCustomer("客户" + customer, Customers.mobile())
        .concerning(product);
  }

  private static JsonObject submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson(COMPLAINTS, complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created);
  }

  private static JsonObject read(JsonObject complaint) {
    return Api.json(Api.get(COMPLAINTS + "/" + complaint.getString("number")));
  }

  private static void publish(long id, String what, String text) {
    HttpResponse<String> published =
        Api.postJson(
            INCIDENTS + "/" + id + "/" + what, "{\"text\":\"" + text + "\",\"by\":\"运营管理部 孙七\"}");
    assertEquals(200, published.statusCode(), published.body());
  }

  private static void notice(String number, String kind) throws Exception {
    JsonObject notice =
        Broker.receiveMatching(
            "complaints.notifications", number, m -> m.getString("kind").equals(kind), WAIT);
    assertNotNull(notice, "a " + kind + " notice for " + number);
    assertEquals(List.of(), AsyncApiContract.violations("CustomerNoticeV1", notice));
  }

  private static List<String> numbers(List<JsonObject> complaints) {
    return complaints.stream().map(c -> c.getString("number")).sorted().toList();
  }

  private static List<String> strings(JsonObject incident) {
    return incident.getJsonArray("complaints").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .sorted()
        .toList();
  }
}

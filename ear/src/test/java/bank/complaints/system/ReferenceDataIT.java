package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: what a bank configures is data behind one reader: the parts departments play in the
 * case process, new departments, and the wording of the customer notices. Every change is made
 * through the administration API and undone at the end, so no other test sees it.
 */
class ReferenceDataIT extends SystemTest {

  private static final String DEPARTMENTS = "/api/v1/admin/departments";
  private static final String TEMPLATES = "/api/v1/admin/notice-templates";

  @Test
  @DisplayName(
      "R-G1 R-F1 the departments' parts are data: a department given TASK_FORCE joins the next Red case")
  void aDepartmentGivenTheTaskForcePartJoinsRedCases() throws Exception {
    assertEquals(
        List.of("DEFAULT", "FOLLOW_UP", "RESULT_NOTICE", "REPEAT_REVIEW", "TASK_FORCE"),
        roles(department("CSC")));
    assertEquals(List.of("TASK_FORCE"), roles(department("OPS")));
    assertEquals(List.of(), roles(department("EBANK")));

    assertEquals(200, putRoles("EBANK", "[\"TASK_FORCE\"]").statusCode());
    try {
      JsonObject red = submit(aComplaint().about("信用卡被盗刷三笔"));
      assertEquals("RED", red.getString("severity"));
      JsonObject join =
          Broker.receive("complaints.tasks.EBANK", red.getString("number"), "CONSULTATION", 15_000);
      assertNotNull(join, "EBANK is asked to join the task force of " + red.getString("number"));
      assertTrue(join.getString("ask").contains("Task force member"), join.toString());
    } finally {
      assertEquals(200, putRoles("EBANK", "[]").statusCode());
    }
    JsonObject later = submit(aComplaint().about("信用卡被盗刷两笔"));
    assertEquals(
        null,
        Broker.receive("complaints.tasks.EBANK", later.getString("number"), "CONSULTATION", 2_000),
        "with the part taken back EBANK joins no more");
  }

  @Test
  @DisplayName(
      "R-F8 a part only one department plays moves to the department it is given to, and cannot be taken away")
  void aSinglePartMovesAndStays() {
    HttpResponse<String> takenAway =
        putRoles("CSC", "[\"DEFAULT\",\"RESULT_NOTICE\",\"REPEAT_REVIEW\",\"TASK_FORCE\"]");
    assertEquals(422, takenAway.statusCode(), takenAway.body());
    assertTrue(takenAway.body().contains("FOLLOW_UP"), takenAway.body());

    assertEquals(200, putRoles("OPS", "[\"TASK_FORCE\",\"FOLLOW_UP\"]").statusCode());
    try {
      assertEquals(List.of("FOLLOW_UP", "TASK_FORCE"), roles(department("OPS")));
      assertEquals(
          List.of("DEFAULT", "RESULT_NOTICE", "REPEAT_REVIEW", "TASK_FORCE"),
          roles(department("CSC")),
          "FOLLOW_UP left CSC");
    } finally {
      assertEquals(
          200,
          putRoles(
                  "CSC",
                  "[\"DEFAULT\",\"FOLLOW_UP\",\"RESULT_NOTICE\",\"REPEAT_REVIEW\",\"TASK_FORCE\"]")
              .statusCode());
    }
    assertEquals(List.of("TASK_FORCE"), roles(department("OPS")));
    assertEquals(404, putRoles("NOPE", "[]").statusCode());
    assertEquals(400, putRoles("OPS", "[\"JANITOR\"]").statusCode());
    assertEquals(400, Api.putJson(DEPARTMENTS + "/OPS/roles", "{}").statusCode());
  }

  @Test
  @DisplayName(
      "R-S1 a new department is one administration call: its row, its queue on the broker, its parts, its system's broker login")
  void aNewDepartmentIsOneCall() throws Exception {
    String code = "T" + Customers.mobile().substring(3);
    HttpResponse<String> added =
        Api.postJson(
            DEPARTMENTS,
            "{\"code\":\"" + code + "\",\"name\":\"私人银行部 Private banking " + code + "\"}");
    assertEquals(201, added.statusCode(), added.body());
    assertTrue(
        added.headers().firstValue("Location").orElseThrow().endsWith(DEPARTMENTS + "/" + code));
    assertEquals("no-store", added.headers().firstValue("Cache-Control").orElseThrow());
    JsonObject department = Api.json(added).getJsonObject("department");
    String queue = "complaints.tasks." + code;
    assertEquals(queue, department.getString("taskQueue"));
    assertEquals(List.of(), roles(department));
    assertEquals(department, Api.json(Api.get(DEPARTMENTS + "/" + code)));
    JsonObject login = Api.json(added).getJsonObject("brokerLogin");
    String user = login.getString("user");
    String password = login.getString("password");
    assertEquals("dept-" + code, user);
    assertEquals(queue, login.getString("queue"));
    assertTrue(password.length() >= 32, "a drawn password, not a shared one");

    // its queue is made on the broker from the table, and its system logs in with the login it
    // was given: a Red case's task force reaches it there, read by the department's own user
    assertEquals(200, putRoles(code, "[\"TASK_FORCE\"]").statusCode());
    try {
      JsonObject red = submit(aComplaint().about("信用卡被盗刷四笔"));
      JsonObject join =
          Broker.receiveAs(user, password, queue, red.getString("number"), "CONSULTATION", 20_000);
      assertNotNull(join, "the new department's queue carries its task for " + red);
    } finally {
      assertEquals(200, putRoles(code, "[]").statusCode());
    }
    // R-S1: each department reads only its own queue
    assertFalse(Broker.mayConsume(user, password, "complaints.tasks.CSC"));
    assertFalse(Broker.departmentMayConsume("CSC", queue));

    // a lost password is replaced: the new one logs in, the old one no longer does
    HttpResponse<String> renewed =
        Api.postJson(
            DEPARTMENTS + "/" + code + "/broker-login", "{\"reason\":\"the old one was lost\"}");
    assertEquals(200, renewed.statusCode(), renewed.body());
    String newPassword = Api.json(renewed).getString("password");
    assertNotEquals(password, newPassword);
    assertTrue(Broker.mayConsume(user, newPassword, queue));
    assertFalse(Broker.mayConsume(user, password, queue), "the old password is refused");
    // the renewal is audited with the department and the reason, never with a password
    List<String> audited =
        Database.texts(
            "select reason from audit_entry where action = 'CONFIGURATION_CHANGED'"
                + " and reason like ?",
            "NewDepartments.newLogin(" + code + ",%");
    assertEquals(List.of("NewDepartments.newLogin(" + code + ", the old one was lost)"), audited);
    assertEquals(
        0,
        Database.count(
            "select count(*) from audit_entry where reason like ? or reason like ?",
            "%" + password + "%",
            "%" + newPassword + "%"));
    assertEquals(400, Api.postJson(DEPARTMENTS + "/" + code + "/broker-login", "{}").statusCode());
    assertEquals(
        404, Api.postJson(DEPARTMENTS + "/NOPE/broker-login", "{\"reason\":\"r\"}").statusCode());

    HttpResponse<String> again =
        Api.postJson(DEPARTMENTS, "{\"code\":\"" + code + "\",\"name\":\"again\"}");
    assertEquals(409, again.statusCode(), again.body());
    HttpResponse<String> badCode = Api.postJson(DEPARTMENTS, "{\"code\":\"x y\",\"name\":\"n\"}");
    assertEquals(400, badCode.statusCode(), badCode.body());
    assertEquals(404, Api.get(DEPARTMENTS + "/NOPE").statusCode());
  }

  @Test
  @DisplayName(
      "R-I7 the bank words its notices: a reworded acceptance notice goes out with the number filled in")
  void theBankWordsItsNotices() throws Exception {
    JsonObject acceptance = template("ACCEPTANCE");
    String original = acceptance.getString("wording");
    assertEquals(
        List.of("number", "contactBy"),
        acceptance.getJsonArray("placeholders").getValuesAs(JsonString::getString));

    HttpResponse<String> unknown =
        Api.putJson(TEMPLATES + "/ACCEPTANCE", "{\"wording\":\"编号 {number}，金额 {amount}\"}");
    assertEquals(422, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("{amount}"), unknown.body());
    assertEquals(404, Api.putJson(TEMPLATES + "/NOPE", "{\"wording\":\"x\"}").statusCode());
    assertEquals(400, Api.putJson(TEMPLATES + "/ACCEPTANCE", "{\"wording\":\" \"}").statusCode());

    String reworded = "尊敬的客户：投诉 {number} 已收到，{contactBy} 前专人回电。{number}";
    assertEquals(
        200,
        Api.putJson(TEMPLATES + "/ACCEPTANCE", "{\"wording\":\"" + reworded + "\"}").statusCode());
    try {
      // what the customer wrote is never read as a placeholder
      JsonObject complaint = submit(aComplaint().describing("请回电 {contactBy} {number} 谢谢"));
      String number = complaint.getString("number");
      JsonObject notice = Broker.receive("complaints.notifications", number, "ACCEPTANCE", 15_000);
      assertNotNull(notice, "the acceptance notice of " + number);
      String text = notice.getString("text");
      assertTrue(text.startsWith("尊敬的客户：投诉 " + number + " 已收到，"), text);
      assertTrue(text.endsWith(" 前专人回电。" + number), text);
      assertTrue(!text.contains("{"), text);
    } finally {
      JsonObject restore = jsonObject("wording", original);
      assertEquals(200, Api.putJson(TEMPLATES + "/ACCEPTANCE", restore.toString()).statusCode());
    }
    assertEquals(original, template("ACCEPTANCE").getString("wording"));
  }

  private static JsonObject template(String notice) {
    return Api.jsonArray(Api.get(TEMPLATES)).stream()
        .map(JsonValue::asJsonObject)
        .filter(t -> t.getString("notice").equals(notice))
        .findFirst()
        .orElseThrow();
  }

  private static JsonObject department(String code) {
    HttpResponse<String> found = Api.get(DEPARTMENTS + "/" + code);
    assertEquals(200, found.statusCode(), found.body());
    return Api.json(found);
  }

  private static List<String> roles(JsonObject department) {
    JsonArray roles = department.getJsonArray("roles");
    return roles.getValuesAs(JsonString::getString);
  }

  private static HttpResponse<String> putRoles(String code, String roles) {
    return Api.putJson(DEPARTMENTS + "/" + code + "/roles", "{\"roles\":" + roles + "}");
  }

  private static JsonObject jsonObject(String name, String value) {
    return jakarta.json.Json.createObjectBuilder().add(name, value).build();
  }

  private static JsonObject submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson("/api/v1/complaints", complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created);
  }
}

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-F1 routing as data, the Red task force, reassignment; R-P2 recusal of the handler. */
class RoutingIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";
  private static final String RULES = "/api/v1/admin/routing-rules";

  private static JsonObject submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson(COMPLAINTS, complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created);
  }

  private static JsonObject task(String department, String number, String kind) throws Exception {
    JsonObject task =
        Broker.receiveMatching(
            "complaints.tasks." + department,
            number,
            m -> m.getString("kind").equals(kind),
            15_000);
    assertNotNull(task, "a " + kind + " task for " + number + " on " + department);
    assertEquals(List.of(), AsyncApiContract.violations("TaskV1", task), task.toString());
    return task;
  }

  @Test
  @DisplayName(
      "R-F1 routing rules send each complaint to its department's queue; no match goes to the default")
  void routedByRules() throws Exception {
    JsonObject system = submit(aComplaint().about("手机银行转账失败，页面报错"));
    assertEquals("EBANK", system.getString("department"));
    task("EBANK", system.getString("number"), "ASSIGNMENT");

    JsonObject service =
        submit(
            aComplaint()
                .from("BRANCH_COUNTER")
                .about("大堂经理服务态度差")
                .describing("办理挂失时大堂经理态度冷淡，不解释流程。"));
    assertEquals("OPS", service.getString("department"));
    task("OPS", service.getString("number"), "ASSIGNMENT");

    JsonObject loan =
        submit(
            aComplaint().about("房贷产品利率与宣传不符").describing("签约时的利率与宣传材料不一致。").concerning("个人住房贷款"));
    assertEquals("RETAIL_LENDING", loan.getString("department"));

    assertEquals("CSC", submit(aComplaint().about("年费重复扣收")).getString("department"));
  }

  @Test
  @DisplayName("R-F1 the routing rules are data: a new rule routes the next complaint at once")
  void rulesAreData() {
    String original = Api.get(RULES).body();
    JsonArray rules = Api.jsonArray(Api.get(RULES));
    try {
      JsonArray withNew =
          Json.createArrayBuilder(rules)
              .add(
                  Json.createObjectBuilder()
                      .add("priority", 1)
                      .add("category", "FEES")
                      .add("keywords", Json.createArrayBuilder().add("信用卡"))
                      .add("department", "CARDS")
                      .add("description", "信用卡收费 → 信用卡中心"))
              .build();
      HttpResponse<String> replaced =
          Api.putJson(RULES, Json.createObjectBuilder().add("rules", withNew).build().toString());
      assertEquals(200, replaced.statusCode(), replaced.body());
      assertEquals("CARDS", submit(aComplaint().about("信用卡年费重复扣收")).getString("department"));
      HttpResponse<String> noSuchDepartment =
          Api.putJson(
              RULES,
              "{\"rules\":[{\"priority\":1,\"department\":\"NOWHERE\",\"description\":\"x\"}]}");
      assertEquals(422, noSuchDepartment.statusCode(), noSuchDepartment.body());
    } finally {
      HttpResponse<String> restored = Api.putJson(RULES, "{\"rules\":" + original + "}");
      assertEquals(200, restored.statusCode(), restored.body());
    }
  }

  @Test
  @DisplayName(
      "R-G1 R-F1 a Red case opens a task force: the other configured departments are asked on their queues")
  void redTaskForce() throws Exception {
    JsonObject red = submit(aComplaint().about("账户被盗刷 8 万元"));
    assertEquals("RED", red.getString("severity"));
    assertEquals("CSC", red.getString("department"), "the lead");
    assertEquals(
        List.of("OPS"),
        red.getJsonArray("taskForceDepartments").getValuesAs(jakarta.json.JsonString::getString));
    JsonObject join = task("OPS", red.getString("number"), "CONSULTATION");
    assertTrue(join.getString("ask").contains("led by CSC"), join.toString());
    task("CSC", red.getString("number"), "ASSIGNMENT");
  }

  @Test
  @DisplayName(
      "R-F1 a case moves to another department with a reason: the old assignment is withdrawn, the new one queued")
  void reassignment() throws Exception {
    String number = submit(aComplaint().about("年费重复扣收")).getString("number");
    String oldTask = task("CSC", number, "ASSIGNMENT").getString("taskId");
    String path = COMPLAINTS + "/" + number + "/reassignment";
    assertEquals(400, Api.postJson(path, "{\"department\":\"CARDS\",\"by\":\"x\"}").statusCode());
    assertEquals(
        404,
        Api.postJson(path, "{\"department\":\"NOWHERE\",\"reason\":\"r\",\"by\":\"x\"}")
            .statusCode());
    assertEquals(
        409,
        Api.postJson(path, "{\"department\":\"CSC\",\"reason\":\"r\",\"by\":\"x\"}").statusCode(),
        "already there");
    HttpResponse<String> moved =
        Api.postJson(path, "{\"department\":\"CARDS\",\"reason\":\"涉及信用卡账务\",\"by\":\"主管 孙七\"}");
    assertEquals(200, moved.statusCode(), moved.body());
    assertEquals("CARDS", Api.json(moved).getString("department"));
    JsonObject newTask = task("CARDS", number, "ASSIGNMENT");
    assertTrue(newTask.getString("ask").contains("涉及信用卡账务"), newTask.toString());
    assertEquals(
        "CANCELLED",
        Database.text("select status from work_task where id = ?", oldTask),
        "the old assignment is withdrawn");
    HttpResponse<String> late =
        Api.postJson(
            "/api/v1/tasks/" + oldTask + "/result", "{\"outcome\":\"已受理\",\"by\":\"CSC\"}");
    assertEquals(409, late.statusCode(), "a withdrawn task takes no result: " + late.body());
  }

  @Test
  @DisplayName(
      "R-P2 someone the complaint names may not handle it; the refusal is recorded, another handler is named")
  void handlerRecusal() {
    String number =
        submit(aComplaint().about("柜员态度恶劣").naming("王五", "E10023", "朝阳支行")).getString("number");
    String path = COMPLAINTS + "/" + number + "/handler";
    HttpResponse<String> named =
        Api.request(
            "PUT",
            path,
            "application/json",
            "{\"handler\":{\"name\":\"王五\",\"employeeId\":\"E10023\"},\"by\":\"主管\"}");
    assertEquals(409, named.statusCode(), named.body());
    assertEquals(
        1,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind = 'RECUSAL_REFUSED'",
            number));
    HttpResponse<String> other =
        Api.request(
            "PUT",
            path,
            "application/json",
            "{\"handler\":{\"name\":\"李强\",\"employeeId\":\"E10001\"},\"by\":\"主管\"}");
    assertEquals(200, other.statusCode(), other.body());
    assertEquals("李强 (E10001)", Api.json(other).getString("handler"));
  }
}

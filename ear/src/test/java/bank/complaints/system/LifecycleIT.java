package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Whole journeys through the real API and the real queues: resolution (R-F3), approval by amount
 * (R-F4), the result told (R-F5), the customer's answer (R-F6), execution (R-F7), follow-up call
 * (R-F8), archive (R-F9), referral outside the bank (R-X3) and recusal (R-P2).
 */
class LifecycleIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";
  private static final long WAIT = 15_000;

  private static String submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson(COMPLAINTS, complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created).getString("number");
  }

  private static HttpResponse<String> post(String number, String step, JsonObjectBuilder body) {
    return Api.postJson(COMPLAINTS + "/" + number + "/" + step, body.build().toString());
  }

  private static JsonObject ok(HttpResponse<String> response) {
    done(response);
    return Api.json(response);
  }

  private static void done(HttpResponse<String> response) {
    assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
  }

  /** Registered, the customer contacted, the investigation started. */
  private static String investigating(ComplaintJson complaint) {
    String number = submit(complaint);
    done(post(number, "customer-contact", Json.createObjectBuilder().add("by", "王芳 (CSC)")));
    done(
        post(
            number,
            "investigation",
            Json.createObjectBuilder().add("by", "李强").add("plan", "调取交易流水与合同")));
    return number;
  }

  private static HttpResponse<String> propose(String number, String type, String amount) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", type)
            .add("conclusion", "经核实属本行差错")
            .add("ruleReliedOn", "《信用卡章程》第十二条")
            .add("howCarriedOut", "3 个工作日内退回至原账户")
            .add("by", "调查员 李强");
    if (amount != null) {
      body.add("amount", Json.createValue(new java.math.BigDecimal(amount)));
    }
    return post(number, "resolution", body);
  }

  /** An approver's decision, as that approver signed in (R-F4: the identity is the token's). */
  private static HttpResponse<String> decide(
      String number, String role, String employeeId, String unit, boolean approve) {
    String department = Api.json(Api.get(COMPLAINTS + "/" + number)).getString("department", "CSC");
    return decideAs(Tokens.approver(role, employeeId, unit, department), number, role, approve);
  }

  private static HttpResponse<String> decideAs(
      String token, String number, String role, boolean approve) {
    return Api.postJson(
        COMPLAINTS + "/" + number + "/approvals",
        Json.createObjectBuilder()
            .add("role", role)
            .add("decision", approve ? "APPROVE" : "REJECT")
            .add("reason", approve ? "同意" : "证据不足")
            .build()
            .toString(),
        "Authorization",
        "Bearer " + token);
  }

  private static HttpResponse<String> answer(String number, boolean accepted, String reason) {
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("accepted", accepted).add("recordedBy", "手机银行");
    if (reason != null) {
      body.add("reason", reason);
    }
    return post(number, "customer-answer", body);
  }

  private static JsonObject task(String number, String kind) throws Exception {
    JsonObject task =
        Broker.receiveMatching(
            "complaints.tasks.CSC", number, m -> m.getString("kind").equals(kind), WAIT);
    assertNotNull(task, "a " + kind + " task for " + number + " on complaints.tasks.CSC");
    return conforming("TaskV1", task);
  }

  private static HttpResponse<String> result(String taskId, String outcome, String satisfaction) {
    return result(taskId, outcome, satisfaction, satisfaction == null ? null : true);
  }

  /** R-F8: a follow-up call's result: how satisfied, and whether the problem is really solved. */
  private static HttpResponse<String> result(
      String taskId, String outcome, String satisfaction, Boolean problemSolved) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("outcome", outcome).add("by", "部门系统");
    if (satisfaction != null) {
      body.add("satisfaction", satisfaction);
    }
    if (problemSolved != null) {
      body.add("problemSolved", problemSolved);
    }
    return Api.postJson("/api/v1/tasks/" + taskId + "/result", body.build().toString());
  }

  private static JsonObject notice(String number, String kind) throws Exception {
    JsonObject notice =
        Broker.receiveMatching(
            "complaints.notifications", number, m -> m.getString("kind").equals(kind), WAIT);
    assertNotNull(notice, "a " + kind + " notice for " + number);
    return conforming("CustomerNoticeV1", notice);
  }

  private static JsonObject escalation(String number, String kind) throws Exception {
    JsonObject escalation =
        Broker.receiveMatching(
            "complaints.escalations.supervisor",
            number,
            m -> m.getString("kind").equals(kind),
            WAIT);
    assertNotNull(escalation, "a " + kind + " escalation for " + number + " to the supervisor");
    return conforming("EscalationV1", escalation);
  }

  /** Every message taken off a queue here is checked against docs/asyncapi.yaml. */
  private static JsonObject conforming(String contract, JsonObject message) {
    assertEquals(
        List.of(),
        AsyncApiContract.violations(contract, message),
        contract + " as the departments' contract describes it: " + message);
    return message;
  }

  private static String status(String number) {
    return Api.json(Api.get(COMPLAINTS + "/" + number)).getString("status");
  }

  @Test
  @DisplayName(
      "R-F8 the follow-up call asks all three levels and whether the problem is really solved: basically satisfied and solved closes the case, satisfied but not solved reopens it, and the case file and statistics keep both answers")
  void followUpAsksAllThreeLevelsAndWhetherSolved() throws Exception {
    String basically = followingUp();
    JsonObject call = task(basically, "FOLLOW_UP_CALL");
    HttpResponse<String> noSolved =
        result(call.getString("taskId"), "已回访", "BASICALLY_SATISFIED", null);
    assertEquals(422, noSolved.statusCode(), noSolved.body());
    assertTrue(noSolved.body().contains("problemSolved"), noSolved.body());
    ok(result(call.getString("taskId"), "基本满意，款项已到账", "BASICALLY_SATISFIED", true));
    assertEquals("CLOSED", status(basically));
    JsonObject answered =
        Api.json(Api.get(COMPLAINTS + "/" + basically + "/file")).getJsonArray("tasks").stream()
            .map(JsonValue::asJsonObject)
            .filter(t -> t.getString("kind").equals("FOLLOW_UP_CALL"))
            .findFirst()
            .orElseThrow();
    assertEquals("BASICALLY_SATISFIED", answered.getString("satisfaction"));
    assertTrue(answered.getBoolean("problemSolved"));

    String unsolved = followingUp();
    ok(
        result(
            task(unsolved, "FOLLOW_UP_CALL").getString("taskId"),
            "态度满意，但年费仍未退回",
            "SATISFIED",
            false));
    assertEquals("INVESTIGATING", status(unsolved), "not really solved: investigated again");
    escalation(unsolved, "PROBLEM_NOT_SOLVED");
  }

  /** A fee complaint approved, accepted and carried out: its follow-up call is asked for. */
  private static String followingUp() throws Exception {
    String number = investigating(aComplaint().about("年费重复扣收"));
    ok(propose(number, "FEE_WAIVER_OR_REFUND", "300"));
    ok(decide(number, "DEPARTMENT_HEAD", "E30001", null, true));
    ok(answer(number, true, null));
    ok(result(task(number, "EXECUTION").getString("taskId"), "已退回年费 300.00 元", null));
    assertEquals("FOLLOW_UP", status(number));
    return number;
  }

  @Test
  @DisplayName(
      "R-F5 a letter complaint's result goes out as a letter task, a counter complaint's as a call task, never by SMS")
  void resultToldByTheChannelItCameFrom() throws Exception {
    String letter =
        investigating(aComplaint().from("LETTER").livingAt("北京市西城区金融大街 1 号").about("年费重复扣收"));
    String counter = investigating(aComplaint().from("BRANCH_COUNTER").about("年费重复扣收"));
    for (String[] expected : new String[][] {{letter, "LETTER"}, {counter, "PHONE_CALL"}}) {
      String number = expected[0];
      JsonObject customer = Api.json(Api.get(COMPLAINTS + "/" + number)).getJsonObject("customer");
      assertEquals(expected[1], customer.getString("resultBy"));
      assertEquals("SMS", customer.getString("noticeBy"), "other notices keep their medium");
      ok(propose(number, "EXPLANATION_AND_APOLOGY", null));
      ok(decide(number, "DEPARTMENT_HEAD", "E30001", null, true));
      assertEquals("RESULT_NOTIFIED", status(number));

      JsonObject told = task(number, "RESULT_NOTICE");
      assertTrue(told.getString("ask").contains("by " + expected[1]), told.toString());
      assertTrue(told.getString("ask").contains("经核实属本行差错"), "the result itself: " + told);
      assertNull(
          Broker.receiveMatching(
              "complaints.notifications", number, m -> m.getString("kind").equals("RESULT"), 3_000),
          "no result notice to an SMS gateway for " + expected[1]);
      ok(result(told.getString("taskId"), "已寄出 / 已电话告知处理结果", null));
      ok(answer(number, true, null));
      assertEquals("EXECUTING", status(number));
    }
    // A customer who chose a medium for the result gets it that way, whatever the channel.
    String chosen = investigating(aComplaint().from("LETTER").resultBy("SMS").about("年费重复扣收"));
    ok(propose(chosen, "EXPLANATION_AND_APOLOGY", null));
    ok(decide(chosen, "DEPARTMENT_HEAD", "E30001", null, true));
    assertEquals("SMS", notice(chosen, "RESULT").getString("deliverBy"));
    // A letter needs somewhere to go.
    HttpResponse<String> nowhere = Api.postJson(COMPLAINTS, aComplaint().resultBy("LETTER").json());
    assertEquals(422, nowhere.statusCode(), nowhere.body());
    assertTrue(nowhere.body().contains("customer.address"), nowhere.body());
  }

  @Test
  @DisplayName(
      "R-F3 R-F4 R-F5 R-F6 R-F7 R-F8 R-F9 a Green fee complaint (every message checked against the AsyncAPI contract) closed by a fee refund: approved by the department head, told, accepted, refunded, followed up, archived")
  void greenFeeRefund() throws Exception {
    ComplaintJson complaint = aComplaint().about("信用卡年费被重复扣收");
    String number = investigating(complaint);
    JsonObject resolution = ok(propose(number, "FEE_WAIVER_OR_REFUND", "300"));
    assertEquals(List.of("DEPARTMENT_HEAD"), strings(resolution, "approvalChain"));
    assertEquals("RESOLUTION_PROPOSED", status(number));

    ok(decide(number, "DEPARTMENT_HEAD", "E30001", null, true));
    assertEquals("RESULT_NOTIFIED", status(number));
    String text = notice(number, "RESULT").getString("text");
    for (String told : List.of("经核实属本行差错", "《信用卡章程》第十二条", "300.00 CNY", "退回至原账户")) {
      assertTrue(text.contains(told), "R-F5 the result notice says " + told + ": " + text);
    }

    ok(answer(number, true, null));
    assertEquals("EXECUTING", status(number));
    JsonObject execution = task(number, "EXECUTION");
    List<String> wrong =
        AsyncApiContract.violations(
            "TaskV1",
            Json.createObjectBuilder(execution).add("kind", "NAP").add("extra", 1).build());
    assertEquals(2, wrong.size(), "the contract check itself can fail: " + wrong);
    assertTrue(wrong.contains("extra is not in the contract"), wrong.toString());
    assertTrue(
        wrong.stream().anyMatch(w -> w.startsWith("kind = NAP is not one of")), wrong.toString());
    assertTrue(execution.getString("ask").contains("FEE_WAIVER_OR_REFUND"), execution.toString());
    assertFalse(
        execution.toString().contains(complaint.mobile()),
        "R-S2 the customer's mobile is not on the queue in full: " + execution);
    assertEquals(
        complaint.maskedMobile(), execution.getString("customerMobile"), "R-S2 but masked");
    String executionId = execution.getString("taskId");

    JsonObject first = ok(result(executionId, "已退回年费 300.00 元", null));
    assertTrue(first.getBoolean("applied"));
    JsonObject repeat = ok(result(executionId, "已退回年费 300.00 元", null));
    assertFalse(repeat.getBoolean("applied"), "the same result again changes nothing");
    assertEquals(409, result(executionId, "another outcome", null).statusCode());
    assertEquals("FOLLOW_UP", status(number));
    notice(number, "EXECUTED");

    JsonObject call = task(number, "FOLLOW_UP_CALL");
    assertEquals(422, result(call.getString("taskId"), "已回访", null).statusCode());
    ok(result(call.getString("taskId"), "问题已解决", "SATISFIED"));
    assertEquals("CLOSED", status(number));

    JsonObject file = ok(post(number, "archive", Json.createObjectBuilder().add("by", "档案管理员")));
    assertEquals("ARCHIVED", file.getJsonObject("complaint").getString("status"));
    assertEquals(1, file.getJsonArray("resolutions").size());
    assertEquals(
        List.of("ASSIGNMENT", "EXECUTION", "FOLLOW_UP_CALL"),
        file.getJsonArray("tasks").stream().map(t -> t.asJsonObject().getString("kind")).toList());
    assertTrue(
        file.getJsonArray("timeline").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(e -> !e.getBoolean("customerVisible")),
        "R-F9 the file keeps the internal notes");
    for (JsonValue clock : file.getJsonArray("clocks")) {
      assertEquals("STOPPED", clock.asJsonObject().getString("state"), clock.toString());
    }
    assertEquals(
        409, post(number, "archive", Json.createObjectBuilder().add("by", "x")).statusCode());
  }

  @Test
  @DisplayName(
      "R-F4 a Yellow complaint with 5,000 compensation needs the branch vice-president, not the department head")
  void yellowApprovedByBranchVicePresident() throws Exception {
    String number = investigating(aComplaint().about("转账失败造成利息损失"));
    assertEquals("YELLOW", Api.json(Api.get(COMPLAINTS + "/" + number)).getString("severity"));
    JsonObject resolution = ok(propose(number, "PARTIAL_REFUND_OR_COMPENSATION", "5000"));
    assertEquals(List.of("BRANCH_VICE_PRESIDENT"), strings(resolution, "approvalChain"));
    HttpResponse<String> wrongTier = decide(number, "DEPARTMENT_HEAD", "E30001", null, true);
    assertEquals(409, wrongTier.statusCode(), wrongTier.body());
    assertEquals("RESOLUTION_PROPOSED", status(number));
    JsonObject approved = ok(decide(number, "BRANCH_VICE_PRESIDENT", "E20001", null, true));
    assertEquals("APPROVED", approved.getString("status"));
    assertEquals("RESULT_NOTIFIED", status(number));
    assertTrue(notice(number, "RESULT").getString("text").contains("5000.00 CNY"));
  }

  @Test
  @DisplayName(
      "R-F4 a Red security complaint with 50,000 compensation goes through head-office risk, legal, then the executive")
  void redThroughRiskLegalAndExecutive() throws Exception {
    String number = investigating(aComplaint().about("信用卡被盗刷 5 万元"));
    assertEquals("RED", Api.json(Api.get(COMPLAINTS + "/" + number)).getString("severity"));
    JsonObject resolution = ok(propose(number, "FULL_REFUND_OR_COMPENSATION", "50000"));
    assertEquals(
        List.of("HEAD_OFFICE_RISK", "HEAD_OFFICE_LEGAL", "EXECUTIVE"),
        strings(resolution, "approvalChain"));
    assertEquals(409, decide(number, "EXECUTIVE", "E90001", null, true).statusCode());
    ok(decide(number, "HEAD_OFFICE_RISK", "E40001", null, true));
    assertEquals(
        409,
        decide(number, "HEAD_OFFICE_LEGAL", "E40001", null, true).statusCode(),
        "risk and legal are two people");
    ok(decide(number, "HEAD_OFFICE_LEGAL", "E50001", null, true));
    assertEquals("RESOLUTION_PROPOSED", status(number), "the executive has not decided yet");
    JsonObject approved = ok(decide(number, "EXECUTIVE", "E90001", null, true));
    assertEquals(
        List.of("HEAD_OFFICE_RISK", "HEAD_OFFICE_LEGAL", "EXECUTIVE"),
        approved.getJsonArray("decisions").stream()
            .map(d -> d.asJsonObject().getString("role"))
            .toList());
    assertEquals("RESULT_NOTIFIED", status(number));
    assertTrue(notice(number, "RESULT").getString("text").contains("50000.00 CNY"));
  }

  @Test
  @DisplayName(
      "R-F6 R-P4 a customer objection reopens the case with its reason and escalates it to a supervisor at once")
  void objectionEscalates() throws Exception {
    String number = investigating(aComplaint().about("年费重复扣收"));
    ok(propose(number, "FEE_WAIVER_OR_REFUND", "100"));
    ok(decide(number, "DEPARTMENT_HEAD", "E30001", null, true));
    assertEquals(422, answer(number, false, null).statusCode(), "an objection gives its reason");
    ok(answer(number, false, "退款金额不对，应为 200 元"));
    assertEquals("INVESTIGATING", status(number));
    assertEquals("SUPERVISOR", escalation(number, "CUSTOMER_OBJECTION").getString("recipient"));
    notice(number, "REOPENED");
    JsonObject second = ok(propose(number, "FEE_WAIVER_OR_REFUND", "200"));
    assertEquals("PENDING", second.getString("status"), "the reopened case proposes again");
    assertEquals(2, Api.jsonArray(Api.get(COMPLAINTS + "/" + number + "/resolutions")).size());
  }

  @Test
  @DisplayName("R-F8 a dissatisfied follow-up call reopens the case and escalates it")
  void dissatisfiedReopens() throws Exception {
    String number = investigating(aComplaint().about("年费重复扣收"));
    ok(propose(number, "EXPLANATION_AND_APOLOGY", null));
    ok(decide(number, "DEPARTMENT_HEAD", "E30001", null, true));
    ok(answer(number, true, null));
    ok(result(task(number, "EXECUTION").getString("taskId"), "已寄送致歉信", null));
    ok(result(task(number, "FOLLOW_UP_CALL").getString("taskId"), "客户仍认为应退费", "DISSATISFIED"));
    assertEquals("INVESTIGATING", status(number));
    escalation(number, "CUSTOMER_DISSATISFIED");
  }

  @Test
  @DisplayName(
      "R-X3 a complaint beyond the bank's remit is referred: the routes offered and the customer's choice recorded and told")
  void externalReferral() throws Exception {
    String number = investigating(aComplaint().about("第三方商户拒绝退款"));
    HttpResponse<String> notOffered =
        post(
            number,
            "referral",
            Json.createObjectBuilder()
                .add("offered", Json.createArrayBuilder().add("MEDIATION"))
                .add("chosen", "COURT")
                .add("why", "x")
                .add("by", "y"));
    assertEquals(422, notOffered.statusCode(), notOffered.body());
    ok(
        post(
            number,
            "referral",
            Json.createObjectBuilder()
                .add("offered", Json.createArrayBuilder().add("MEDIATION").add("ARBITRATION"))
                .add("chosen", "MEDIATION")
                .add("why", "损失由第三方商户造成")
                .add("by", "调查员 李强")));
    assertEquals("REFERRED_OUTSIDE", status(number));
    assertTrue(notice(number, "REFERRAL").getString("text").contains("MEDIATION"));
    assertEquals(
        "MEDIATION",
        Database.text("select referral_chosen from complaint where complaint_number = ?", number));
    ok(post(number, "archive", Json.createObjectBuilder().add("by", "档案管理员")));
  }

  @Test
  @DisplayName(
      "R-F4 four eyes: whoever decides is the signed-in person, not the body; one person holding"
          + " risk, legal and executive roles fills one place of a 30,000 CNY chain; the proposer"
          + " approves no place (maker–checker); a token without employee_id decides nothing")
  void fourEyesOnTheSignedInPerson() {
    String number = investigating(aComplaint().about("理财产品亏损 3 万元"));
    String proposer = Tokens.person("调查员 李强", List.of("handler"), "CSC", "E10001", "信用卡中心");
    HttpResponse<String> proposed =
        Api.postJson(
            COMPLAINTS + "/" + number + "/resolution",
            Json.createObjectBuilder()
                .add("type", "FULL_REFUND_OR_COMPENSATION")
                .add("amount", Json.createValue(new java.math.BigDecimal("30000")))
                .add("conclusion", "销售时风险揭示不足")
                .add("ruleReliedOn", "《理财产品销售管理办法》")
                .add("howCarriedOut", "补偿至客户账户")
                .add("by", "someone else entirely")
                .build()
                .toString(),
            "Authorization",
            "Bearer " + proposer);
    JsonObject resolution = ok(proposed);
    assertEquals("调查员 李强 (E10001)", resolution.getString("proposedBy"), "the token's person");
    assertEquals(
        List.of("HEAD_OFFICE_RISK", "HEAD_OFFICE_LEGAL", "EXECUTIVE"),
        strings(resolution, "approvalChain"));

    String allThree =
        Tokens.person(
            "王总",
            List.of("head-office-risk", "head-office-legal", "executive"),
            null,
            "E40009",
            "总行");
    String body =
        "{\"role\":\"%s\",\"approver\":{\"name\":\"李四\",\"employeeId\":\"E77777\"},"
            + "\"decision\":\"APPROVE\",\"reason\":\"同意\"}";
    JsonObject first =
        ok(
            Api.postJson(
                COMPLAINTS + "/" + number + "/approvals",
                body.formatted("HEAD_OFFICE_RISK"),
                "Authorization",
                "Bearer " + allThree));
    JsonObject decision = first.getJsonArray("decisions").getJsonObject(0);
    assertEquals("E40009", decision.getString("employeeId"), "the typed E77777 is not recorded");
    assertEquals("王总", decision.getString("approver"));
    HttpResponse<String> again =
        Api.postJson(
            COMPLAINTS + "/" + number + "/approvals",
            body.formatted("HEAD_OFFICE_LEGAL"),
            "Authorization",
            "Bearer " + allThree);
    assertEquals(409, again.statusCode(), "one person, one place: " + again.body());

    String proposerAsLegal =
        Tokens.person("调查员 李强", List.of("head-office-legal"), null, "E10001", null);
    HttpResponse<String> maker = decideAs(proposerAsLegal, number, "HEAD_OFFICE_LEGAL", true);
    assertEquals(409, maker.statusCode(), maker.body());
    assertTrue(Api.json(maker).getString("detail").contains("maker–checker"), maker.body());

    String anonymous =
        Tokens.mint("legal-without-id", List.of("head-office-legal"), null, null, 600);
    HttpResponse<String> nobody = decideAs(anonymous, number, "HEAD_OFFICE_LEGAL", true);
    assertEquals(403, nobody.statusCode(), nobody.body());

    ok(decide(number, "HEAD_OFFICE_LEGAL", "E50009", null, true));
    JsonObject approved = ok(decide(number, "EXECUTIVE", "E90009", null, true));
    assertEquals(
        List.of("E40009", "E50009", "E90009"),
        approved.getJsonArray("decisions").stream()
            .map(d -> d.asJsonObject().getString("employeeId"))
            .toList(),
        "three people, none of them the proposer");
  }

  @Test
  @DisplayName(
      "R-F9 R-I5 an archived case is frozen: regrading, cause tags, evidence and reassignment are"
          + " refused (409) and change nothing; its file holds the evidence register with each"
          + " file's SHA-256")
  void archiveFreezesTheCase() throws Exception {
    String number = investigating(aComplaint().about("第三方商户扣款纠纷"));
    byte[] statement = "商户对账单：2026-11-20 扣款 35.50 元".getBytes(StandardCharsets.UTF_8);
    Multipart form =
        Multipart.form()
            .field("kind", "TRANSACTION_SCREENSHOT")
            .field("description", "商户对账单")
            .field("registeredBy", "调查员 李强")
            .file("file", "statement.txt", "text/plain", statement);
    HttpResponse<String> uploaded =
        Api.postBytes(
            COMPLAINTS + "/" + number + "/evidence/files", form.contentType(), form.bytes());
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    ok(
        post(
            number,
            "referral",
            Json.createObjectBuilder()
                .add("offered", Json.createArrayBuilder().add("MEDIATION"))
                .add("chosen", "MEDIATION")
                .add("why", "损失由第三方商户造成")));
    JsonObject archived = ok(post(number, "archive", Json.createObjectBuilder()));
    assertEquals("ARCHIVED", archived.getJsonObject("complaint").getString("status"));
    String digest =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(statement));
    JsonObject item = archived.getJsonArray("evidence").getJsonObject(0);
    assertEquals(digest, item.getString("sha256"), "the register keeps the file's digest");

    String path = COMPLAINTS + "/" + number;
    List<HttpResponse<String>> refused =
        List.of(
            Api.putJson(
                path + "/grade", "{\"severity\":\"RED\",\"category\":\"FEES\",\"reason\":\"x\"}"),
            Api.putJson(path + "/cause-tags", "{\"tags\":[\"CLOSED_COUNTERS\"],\"reason\":\"x\"}"),
            Api.postJson(
                path + "/evidence",
                "{\"kind\":\"VIDEO_LINK\",\"description\":\"x\",\"registeredBy\":\"x\","
                    + "\"link\":\"https://pan.example.com/s/late\"}"),
            Api.postJson(path + "/reassignment", "{\"department\":\"OPS\",\"reason\":\"x\"}"));
    for (HttpResponse<String> answer : refused) {
      assertEquals(409, answer.statusCode(), answer.request().uri() + " " + answer.body());
    }
    JsonObject after = Api.json(Api.get(path + "/file"));
    assertEquals(
        archived.getJsonObject("complaint").getString("severity"),
        after.getJsonObject("complaint").getString("severity"));
    assertEquals(1, after.getJsonArray("evidence").size(), "no evidence added");
    assertEquals(
        archived.getJsonArray("timeline").size(),
        after.getJsonArray("timeline").size(),
        "nothing recorded as done");
  }

  @Test
  @DisplayName(
      "R-P2 someone the complaint names may not approve it; nor, when it is sensitive, anyone from the unit it names; the refusal is recorded")
  void recusalRefused() {
    String number = investigating(aComplaint().about("柜员态度恶劣").naming("王五", "E10023", "朝阳支行"));
    ok(propose(number, "EXPLANATION_AND_APOLOGY", null));
    HttpResponse<String> named = decide(number, "DEPARTMENT_HEAD", "E10023", null, true);
    assertEquals(409, named.statusCode(), named.body());
    assertTrue(Api.json(named).getString("detail").contains("R-P2"), named.body());
    assertEquals(
        1,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind = 'RECUSAL_REFUSED'",
            number),
        "the refusal is on record");
    JsonObject pending =
        Api.jsonArray(Api.get(COMPLAINTS + "/" + number + "/resolutions")).getJsonObject(0);
    assertEquals(0, pending.getJsonArray("decisions").size(), "nothing else changed");

    String sensitive =
        investigating(aComplaint().about("账户被盗刷，怀疑网点员工泄露信息").naming("赵六", "E10077", "海淀支行"));
    ok(propose(sensitive, "FULL_REFUND_OR_COMPENSATION", "20000"));
    assertEquals(409, decide(sensitive, "HEAD_OFFICE_RISK", "E40002", "海淀支行", true).statusCode());
    ok(decide(sensitive, "HEAD_OFFICE_RISK", "E40002", "总行风险管理部", true));
  }

  @Test
  @DisplayName(
      "R-F2 a department is consulted during the investigation: the question on its queue, the opinion back as the task's result, in the file")
  void consultation() throws Exception {
    String notYet = submit(aComplaint().about("理财产品收益与宣传不符"));
    HttpResponse<String> early =
        post(
            notYet,
            "consultations",
            Json.createObjectBuilder()
                .add("department", "WEALTH")
                .add("question", "q")
                .add("by", "x"));
    assertEquals(409, early.statusCode(), "consulted during the investigation: " + early.body());

    String number = investigating(aComplaint().about("理财产品收益与宣传不符"));
    assertEquals(
        404,
        post(
                number,
                "consultations",
                Json.createObjectBuilder()
                    .add("department", "NOWHERE")
                    .add("question", "q")
                    .add("by", "x"))
            .statusCode());
    JsonObject receipt =
        ok(
            post(
                number,
                "consultations",
                Json.createObjectBuilder()
                    .add("department", "WEALTH")
                    .add("question", "该产品的风险揭示是否符合销售规定？")
                    .add("by", "调查员 李强")));
    JsonObject task =
        conforming(
            "TaskV1",
            Broker.receiveMatching(
                "complaints.tasks.WEALTH",
                number,
                m -> m.getString("kind").equals("CONSULTATION"),
                WAIT));
    assertEquals(receipt.getString("taskId"), task.getString("taskId"));
    assertEquals("该产品的风险揭示是否符合销售规定？", task.getString("ask"));
    ok(result(task.getString("taskId"), "风险揭示不充分，建议补偿", null));
    JsonObject file = ok(Api.get(COMPLAINTS + "/" + number + "/file"));
    assertTrue(
        file.getJsonArray("tasks").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                t ->
                    t.getString("kind").equals("CONSULTATION")
                        && t.getString("outcome").equals("风险揭示不充分，建议补偿")),
        "the opinion is in the case file");
    assertEquals("INVESTIGATING", status(number), "an opinion does not move the case");
  }

  @Test
  @DisplayName("R-P4 a step the case cannot take now is a 409 problem, and changes nothing")
  void illegalTransitions() {
    String number = submit(aComplaint());
    HttpResponse<String> early = propose(number, "FEE_WAIVER_OR_REFUND", "10");
    assertEquals(409, early.statusCode(), early.body());
    assertEquals(409, answer(number, true, null).statusCode());
    assertEquals(
        409, post(number, "archive", Json.createObjectBuilder().add("by", "x")).statusCode());
    assertEquals("ASSIGNED", status(number));
    assertEquals(404, result("00000000-0000-0000-0000-000000000000", "x", null).statusCode());
  }

  private static List<String> strings(JsonObject object, String key) {
    return object.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }
}

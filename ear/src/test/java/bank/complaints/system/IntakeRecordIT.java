package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The intake record: feedback types, demands in CNY, offline receipt. */
class IntakeRecordIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";

  private static JsonObject created(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson(COMPLAINTS, complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created);
  }

  @Test
  @DisplayName(
      "R-I2 a suggestion or an inquiry is stored, numbered and acknowledged, but opens no case: no department, task or deadline")
  void suggestionsAreStoredNotAssigned() throws Exception {
    JsonObject suggestion = created(aComplaint().feedback("SUGGESTION").about("希望延长营业时间"));
    String number = suggestion.getString("number");
    assertEquals("SUGGESTION", suggestion.getString("feedbackType"));
    assertEquals("REGISTERED", suggestion.getString("status"));
    assertTrue(!suggestion.containsKey("department") || suggestion.isNull("department"));
    assertEquals(
        0,
        Database.count(
            "select count(*) from work_task t join complaint c on c.id = t.complaint_id"
                + " where c.complaint_number = ?",
            number));
    assertEquals(
        0,
        Database.count(
            "select count(*) from sla_clock k join complaint c on c.id = k.complaint_id"
                + " where c.complaint_number = ? and k.state <> 'STOPPED'",
            number),
        "no running deadline");
    Message notice = Broker.receive("complaints.notifications", number, 15_000);
    assertNotNull(notice, "acknowledged");
    assertTrue(((TextMessage) notice).getText().contains("建议"));

    JsonObject inquiry = created(aComplaint().feedback("INQUIRY").about("如何开通手机银行"));
    assertEquals("INQUIRY", inquiry.getString("feedbackType"));
    assertEquals(
        1,
        Database.count(
            "select count(*) from complaint where complaint_number = ? and feedback_type = 'INQUIRY'",
            inquiry.getString("number")),
        "stored and counted");
  }

  @Test
  @DisplayName(
      "R-P3 R-I3 R-I4 R-G3 R-F1 the progress read shows every list as registered: card, staff, products, cause tags, task force")
  void progressReadShowsEveryList() {
    // Issue 18: the read takes a complaint's five lists in one statement; the answer to the
    // submission was built from the lists as they were registered.
    JsonObject submitted =
        created(
            aComplaint()
                .from("BRANCH_COUNTER")
                .about("账户被盗刷 8 万元，柜员操作失误，且只开一个窗口")
                .aboutCard(Customers.card())
                .naming("李四", "E10023", "朝阳支行")
                .naming("王大堂", null, null)
                .concerning("借记卡")
                .concerning("挂失业务")
                .concerning("借记卡"));
    JsonObject read = Api.json(Api.get(COMPLAINTS + "/" + submitted.getString("number")));
    for (String list :
        List.of(
            "accounts", "staffInvolved", "productsInvolved", "causeTags", "taskForceDepartments")) {
      assertFalse(submitted.getJsonArray(list).isEmpty(), list + " registered: " + submitted);
      assertEquals(submitted.getJsonArray(list), read.getJsonArray(list), list);
    }
    assertEquals(
        "[\"借记卡\",\"挂失业务\",\"借记卡\"]",
        read.getJsonArray("productsInvolved").toString(),
        "in the order told, a product named twice kept twice");
  }

  @Test
  @DisplayName(
      "R-I4 what happened, when, where, and the staff and products involved are kept as told, in Chinese, times in the bank's zone")
  void whatHappened() {
    // Ten days before the system's today, at 09:30 UTC: 17:30 in the bank's zone.
    OffsetDateTime occurred =
        TestClock.today().minusDays(10).atTime(9, 30).atOffset(ZoneOffset.UTC);
    JsonObject complaint =
        created(
            aComplaint()
                .from("BRANCH_COUNTER")
                .about("柜员办理挂失时态度恶劣")
                .happened(occurred.toString(), "北京朝阳支行营业厅 3 号窗口")
                .naming("李四", "E10023", "朝阳支行")
                .naming("王大堂", null, null)
                .concerning("借记卡")
                .concerning("挂失业务"));
    assertEquals(
        occurred.withOffsetSameInstant(ZoneOffset.ofHours(8)),
        OffsetDateTime.parse(complaint.getString("occurredAt")));
    assertTrue(complaint.getString("occurredAt").endsWith("T17:30:00+08:00"), "the bank's zone");
    assertEquals("北京朝阳支行营业厅 3 号窗口", complaint.getString("occurredWhere"));
    JsonObject named = complaint.getJsonArray("staffInvolved").getJsonObject(0);
    assertEquals("李四", named.getString("name"));
    assertEquals("E10023", named.getString("employeeId"));
    assertEquals("朝阳支行", named.getString("unit"));
    assertEquals("王大堂", complaint.getJsonArray("staffInvolved").getJsonObject(1).getString("name"));
    assertEquals("[\"借记卡\",\"挂失业务\"]", complaint.getJsonArray("productsInvolved").toString());
    assertEquals(
        1,
        Database.count(
            "select count(*) from complaint_staff s join complaint c on c.id = s.complaint_id"
                + " where c.complaint_number = ? and s.employee_id = 'E10023'",
            complaint.getString("number")));
    JsonObject read = Api.json(Api.get(COMPLAINTS + "/" + complaint.getString("number")));
    assertEquals(complaint.getJsonArray("staffInvolved"), read.getJsonArray("staffInvolved"));

    String future = TestClock.now().plusDays(1).toString();
    HttpResponse<String> notYet =
        Api.postJson(COMPLAINTS, aComplaint().happened(future, "网点").json());
    assertEquals(422, notYet.statusCode(), notYet.body());
    HttpResponse<String> afterReceipt =
        Api.postJson(
            COMPLAINTS,
            aComplaint()
                .from("LETTER")
                .receivedAt(TestClock.now().minusDays(2).toString())
                .happened(TestClock.now().minusDays(1).toString(), "网点")
                .json());
    assertEquals(422, afterReceipt.statusCode(), afterReceipt.body());
    HttpResponse<String> badEmployeeId =
        Api.postJson(COMPLAINTS, aComplaint().naming("李四", "E 1", null).json());
    assertEquals(400, badEmployeeId.statusCode(), badEmployeeId.body());
  }

  @Test
  @DisplayName("R-I4 the customer's demand keeps its CNY amount exactly, to the fen")
  void demandInCny() {
    JsonObject complaint =
        created(aComplaint().demanding("COMPENSATION", "5000.5").about("转账失败造成损失"));
    JsonObject demand = complaint.getJsonObject("demand");
    assertEquals("COMPENSATION", demand.getString("type"));
    assertEquals("CNY", demand.getString("currency"));
    assertEquals("5000.50", demand.getJsonNumber("amount").bigDecimalValue().toPlainString());
    assertEquals(
        "5000.50",
        Database.text(
            "select demand_amount from complaint where complaint_number = ?",
            complaint.getString("number")));
    HttpResponse<String> negative =
        Api.postJson(COMPLAINTS, aComplaint().demanding("REFUND", "-1").json());
    assertEquals(400, negative.statusCode(), negative.body());
    HttpResponse<String> fractionOfAFen =
        Api.postJson(COMPLAINTS, aComplaint().demanding("REFUND", "0.001").json());
    assertEquals(400, fractionOfAFen.statusCode(), fractionOfAFen.body());
  }

  @Test
  @DisplayName(
      "R-I6 R-I7 a letter names who received it and when; registered days later, its registration clock records the missed working hour")
  void offlineReceipt() {
    // Twenty days back: more than the longest run of days without a working hour on any calendar
    // (Spring Festival and National Day are eight or nine), whatever today is.
    OffsetDateTime weeksAgo = TestClock.now().minusDays(20).withNano(0);
    JsonObject letter =
        created(
            aComplaint()
                .from("LETTER")
                .receivedBy("收发室 赵六")
                .receivedAt(weeksAgo.toString())
                .about("来信投诉"));
    String number = letter.getString("number");
    assertEquals("收发室 赵六", letter.getString("receivedBy"));
    assertEquals(
        weeksAgo.toInstant(), OffsetDateTime.parse(letter.getString("receivedAt")).toInstant());
    assertTrue(
        OffsetDateTime.parse(letter.getString("registeredAt")).isAfter(weeksAgo.plusDays(19)));
    JsonObject registration = null;
    for (JsonValue clock : Api.jsonArray(Api.get(COMPLAINTS + "/" + number + "/clocks"))) {
      if (clock.asJsonObject().getString("stage").equals("REGISTRATION")) {
        registration = clock.asJsonObject();
      }
    }
    assertNotNull(registration);
    assertEquals("STOPPED", registration.getString("state"));
    assertTrue(
        OffsetDateTime.parse(registration.getString("stoppedAt"))
            .isAfter(OffsetDateTime.parse(registration.getString("dueAt"))),
        "registered after its 1-working-hour deadline: " + registration);

    HttpResponse<String> noStaff =
        Api.postJson(COMPLAINTS, aComplaint().from("BRANCH_COUNTER").receivedBy("").json());
    assertEquals(400, noStaff.statusCode(), noStaff.body());
    HttpResponse<String> onlineBackdated =
        Api.postJson(
            COMPLAINTS, aComplaint().from("MOBILE_APP").receivedAt(weeksAgo.toString()).json());
    assertEquals(422, onlineBackdated.statusCode(), onlineBackdated.body());
    HttpResponse<String> future =
        Api.postJson(
            COMPLAINTS,
            aComplaint().from("LETTER").receivedAt(TestClock.now().plusDays(1).toString()).json());
    assertEquals(422, future.statusCode(), future.body());
  }

  @Test
  @DisplayName(
      "R-I3 R-S2 the identity document and the card concerned are stored in full and shown masked; invalid ones are refused")
  void identityAndCardMasked() throws Exception {
    String idCard = Customers.idCard();
    String card = Customers.card();
    JsonObject complaint =
        created(aComplaint().withIdentity("ID_CARD", idCard).aboutCard(card).about("信用卡年费"));
    String number = complaint.getString("number");
    assertEquals("ID_CARD", complaint.getJsonObject("customer").getString("idType"));
    assertEquals(
        "*".repeat(14) + idCard.substring(14),
        complaint.getJsonObject("customer").getString("idNumber"));
    assertEquals(
        "*".repeat(card.length() - 4) + card.substring(card.length() - 4),
        complaint.getJsonArray("accounts").getJsonObject(0).getString("number"));
    String read = Api.get(COMPLAINTS + "/" + number).body();
    assertTrue(!read.contains(idCard) && !read.contains(card));
    Message task = Broker.receive("complaints.tasks.CSC", number, 30_000);
    assertNotNull(task);
    String text = ((TextMessage) task).getText();
    assertTrue(!text.contains(idCard) && !text.contains(card), "R-S2 not on the queue either");
    // Kept in full for the staff who need it, but encrypted at rest (PersonalDataIT).
    assertEquals(
        idCard,
        Api.json(Api.get(COMPLAINTS + "/" + number + "/personal-data?reason=R-I3%20check"))
            .getString("idNumber"));
    assertTrue(
        Database.text("select id_number from complaint where complaint_number = ?", number)
            .startsWith("enc:v1:"),
        "R-S2 encrypted at rest");

    HttpResponse<String> badCheck =
        Api.postJson(COMPLAINTS, aComplaint().withIdentity("ID_CARD", "110105194912310021").json());
    assertEquals(422, badCheck.statusCode(), badCheck.body());
    HttpResponse<String> badCard =
        Api.postJson(COMPLAINTS, aComplaint().aboutCard("6222020200112233445").json());
    assertEquals(422, badCard.statusCode(), badCard.body());
    HttpResponse<String> halfIdentity =
        Api.postJson(COMPLAINTS, aComplaint().withIdentity("PASSPORT", null).json());
    assertEquals(422, halfIdentity.statusCode(), halfIdentity.body());
  }
}

package bank.complaints.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.client.ApiClient;
import bank.complaints.client.ApiException;
import bank.complaints.client.ApiResponse;
import bank.complaints.client.api.CaseHandlingApi;
import bank.complaints.client.api.ComplaintsApi;
import bank.complaints.client.model.Complaint;
import bank.complaints.client.model.ComplaintCustomer;
import bank.complaints.client.model.ComplaintDemand;
import bank.complaints.client.model.ComplaintSearchResult;
import bank.complaints.client.model.ComplaintSubmission;
import bank.complaints.client.model.Problem;
import bank.complaints.client.model.SubmittedAccount;
import bank.complaints.client.model.SubmittedCustomer;
import bank.complaints.client.model.SubmittedDemand;
import bank.complaints.client.model.SubmittedEvidence;
import bank.complaints.client.model.SubmittedStaff;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: what a channel team does — generate a Java client from the OpenAPI document
 * (openapi-generator, "native" library, from docs/openapi.yaml, which OpenApiContractIT keeps equal
 * to the served one) and use nothing else. The client refuses a property the document does not
 * describe, so every answer here is also checked against the contract.
 */
class GeneratedClientIT extends SystemTest {

  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  private static ApiClient client(String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(Runtime.BASE_URL);
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return client;
  }

  @Test
  @DisplayName(
      "R-I1 R-I4 R-I6 R-S2 a generated client submits a complaint with every optional field,"
          + " reads its progress and finds it by search: dates, enums, money and lists arrive"
          + " with their types")
  void submitReadAndSearch() throws ApiException {
    String mobile = Customers.mobile();
    String card = Customers.card();
    OffsetDateTime receivedAt =
        OffsetDateTime.now(BEIJING).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
    OffsetDateTime occurredAt = receivedAt.minusDays(1);
    ComplaintSubmission submission =
        new ComplaintSubmission()
            .channel(ComplaintSubmission.ChannelEnum.BRANCH_COUNTER)
            .feedbackType(ComplaintSubmission.FeedbackTypeEnum.COMPLAINT)
            .customer(
                new SubmittedCustomer()
                    .name("赵六")
                    .mobile(mobile)
                    .email("zhaoliu@example.com")
                    .idType(SubmittedCustomer.IdTypeEnum.ID_CARD)
                    .idNumber(Customers.idCard())
                    .address("北京市朝阳区建国路1号")
                    .noticeBy(SubmittedCustomer.NoticeByEnum.SMS))
            .subject("柜台办理挂失等候过久")
            .description("办理信用卡挂失排队一个多小时，期间被收取了不明手续费。")
            .occurredAt(occurredAt)
            .occurredWhere("朝阳支行营业厅")
            .addStaffInvolvedItem(new SubmittedStaff().name("李四").employeeId("E10023").unit("朝阳支行"))
            .addProductsInvolvedItem("白金信用卡")
            .addEvidenceItem(
                new SubmittedEvidence()
                    .source(SubmittedEvidence.SourceEnum.CUSTOMER)
                    .kind(SubmittedEvidence.KindEnum.VIDEO_LINK)
                    .description("排队过程的视频")
                    .link("https://pan.example.com/s/abc123"))
            .addAccountsItem(
                new SubmittedAccount().kind(SubmittedAccount.KindEnum.CARD).number(card))
            .demand(
                new SubmittedDemand()
                    .type(SubmittedDemand.TypeEnum.REFUND)
                    .amount(new BigDecimal("35.50"))
                    .note("退还手续费"))
            .receivedAt(receivedAt)
            .receivedBy("大堂经理 王五");

    ApiResponse<Complaint> created =
        new ComplaintsApi(client(Tokens.channel("BRANCH_COUNTER")))
            .submitComplaintWithHttpInfo(submission, UUID.randomUUID().toString());

    assertEquals(201, created.getStatusCode());
    Complaint complaint = created.getData();
    String number = complaint.getNumber();
    assertTrue(
        created.getHeaders().get("location").get(0).endsWith("/api/v1/complaints/" + number));
    assertEquals(Complaint.ChannelEnum.BRANCH_COUNTER, complaint.getChannel());
    assertEquals(Complaint.FeedbackTypeEnum.COMPLAINT, complaint.getFeedbackType());
    assertNotNull(complaint.getSeverity());
    assertNotNull(complaint.getStatus());
    assertEquals(occurredAt.toInstant(), complaint.getOccurredAt().toInstant());
    assertEquals(receivedAt.toInstant(), complaint.getReceivedAt().toInstant());
    assertEquals(BEIJING, complaint.getRegisteredAt().getOffset(), "shown in the bank's zone");
    ComplaintDemand demand = complaint.getDemand();
    assertEquals(ComplaintDemand.TypeEnum.REFUND, demand.getType());
    assertEquals(0, new BigDecimal("35.50").compareTo(demand.getAmount()), "money as a number");
    assertEquals("CNY", demand.getCurrency());
    assertEquals(List.of("白金信用卡"), complaint.getProductsInvolved());
    assertEquals("李四", complaint.getStaffInvolved().get(0).getName());
    ComplaintCustomer customer = complaint.getCustomer();
    assertEquals(ComplaintCustomer.IdTypeEnum.ID_CARD, customer.getIdType());
    assertFalse(customer.getMobile().contains(mobile.substring(3, 7)), "R-S2 masked");
    assertFalse(complaint.getAccounts().get(0).getNumber().contains(card.substring(6, 12)));

    Complaint progress =
        new CaseHandlingApi(client(Tokens.channel("BRANCH_COUNTER"))).getComplaint(number);
    assertEquals(number, progress.getNumber());
    assertFalse(progress.getTimeline().isEmpty());
    assertNotNull(progress.getTimeline().get(0).getAt().getOffset());
    assertNotNull(progress.getNextDeadline(), "R-P3 the nearest deadline");

    ComplaintSearchResult found =
        new ComplaintsApi(client(Tokens.EVERY_ROLE))
            .searchComplaints(
                null, null, null, "BRANCH_COUNTER", null, null, null, mobile, null, null);
    assertEquals(1L, found.getTotal());
    assertEquals(number, found.getItems().get(0).getNumber());
    assertEquals(Complaint.ChannelEnum.BRANCH_COUNTER, found.getItems().get(0).getChannel());
  }

  @Test
  @DisplayName(
      "R-S2 a bad request reaches the generated client as a 400 whose body is the document's"
          + " Problem, naming the field and not echoing its value")
  void aBadRequestIsAProblem() throws Exception {
    ApiClient client = client(Tokens.channel("MOBILE_APP"));
    ComplaintSubmission submission =
        new ComplaintSubmission()
            .channel(ComplaintSubmission.ChannelEnum.MOBILE_APP)
            .customer(new SubmittedCustomer().name("钱七").mobile("1381234567890"))
            .subject("年费")
            .description("年费扣了两次。");

    ApiException refused =
        assertThrows(
            ApiException.class, () -> new ComplaintsApi(client).submitComplaint(submission, null));

    assertEquals(400, refused.getCode());
    assertEquals(
        "application/problem+json",
        refused.getResponseHeaders().firstValue("content-type").orElse(""));
    Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    assertEquals(400, problem.getStatus());
    assertTrue(
        problem.getErrors().stream().anyMatch(e -> "customer.mobile".equals(e.getField())),
        refused.getResponseBody());
    assertFalse(refused.getResponseBody().contains("1381234567890"));
  }
}

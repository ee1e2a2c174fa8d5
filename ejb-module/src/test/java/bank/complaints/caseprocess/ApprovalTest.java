package bank.complaints.caseprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.common.Money;
import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.ComplaintId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApprovalTest {

  private static final ApprovalTier TIERS =
      new ApprovalTier(new BigDecimal("1000.00"), new BigDecimal("10000.00"));
  private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

  @Test
  @DisplayName(
      "R-F4 below 1,000 the department head; 1,000 to 10,000 the branch vice-president; above, risk and legal, then the executive")
  void tiersByAmount() {
    List<ApproverRole> head = List.of(ApproverRole.DEPARTMENT_HEAD);
    List<ApproverRole> vicePresident = List.of(ApproverRole.BRANCH_VICE_PRESIDENT);
    List<ApproverRole> headOffice =
        List.of(
            ApproverRole.HEAD_OFFICE_RISK, ApproverRole.HEAD_OFFICE_LEGAL, ApproverRole.EXECUTIVE);
    assertEquals(head, TIERS.forAmount(null), "an apology involves no money");
    assertEquals(head, TIERS.forAmount(Money.cny("0")));
    assertEquals(head, TIERS.forAmount(Money.cny("999.99")));
    assertEquals(vicePresident, TIERS.forAmount(Money.cny("1000")));
    assertEquals(vicePresident, TIERS.forAmount(Money.cny("5000")));
    assertEquals(vicePresident, TIERS.forAmount(Money.cny("10000.00")));
    assertEquals(headOffice, TIERS.forAmount(Money.cny("10000.01")));
    assertEquals(headOffice, TIERS.forAmount(Money.cny("50000")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ApprovalTier(new BigDecimal("20000"), new BigDecimal("10000")));
  }

  private static Resolution proposed(String amount) {
    Money money = Money.cny(amount);
    return Resolution.propose(
        new ComplaintId(1L),
        ResolutionType.FULL_REFUND_OR_COMPENSATION,
        money,
        "盗刷损失由本行承担",
        "《银行卡业务管理办法》第 X 条",
        "转账至客户账户",
        new Approver("调查员 李强", "E9", "信用卡中心"),
        NOW,
        TIERS.forAmount(money));
  }

  @Test
  @DisplayName("R-F4 maker–checker: the person who proposed a resolution approves no place of it")
  void theProposerMayNotApprove() {
    Resolution resolution = proposed("500");
    Approver proposer = new Approver("调查员 李强", "E9", "CSC");
    assertThrows(
        RuleViolationException.class,
        () -> resolution.decide(ApproverRole.DEPARTMENT_HEAD, proposer, true, "同意", NOW));
    assertEquals(Resolution.Status.PENDING, resolution.status(), "nothing recorded");
    resolution.decide(
        ApproverRole.DEPARTMENT_HEAD, new Approver("部门负责人 赵敏", "E30001", null), true, "同意", NOW);
    assertEquals(Resolution.Status.APPROVED, resolution.status());
  }

  @Test
  @DisplayName("R-F4 each approver decides in turn, and one person takes one place in the chain")
  void chainInOrder() {
    Resolution resolution = proposed("50000");
    Approver risk = new Approver("风险 钱一", "E1", "总行风险管理部");
    Approver legal = new Approver("法务 孙二", "E2", "总行法律合规部");
    assertThrows(
        RuleViolationException.class,
        () -> resolution.decide(ApproverRole.EXECUTIVE, risk, true, "x", NOW),
        "the executive decides last");
    resolution.decide(ApproverRole.HEAD_OFFICE_RISK, risk, true, "风险可控", NOW);
    assertThrows(
        RuleViolationException.class,
        () -> resolution.decide(ApproverRole.HEAD_OFFICE_LEGAL, risk, true, "x", NOW),
        "risk and legal are two people");
    resolution.decide(ApproverRole.HEAD_OFFICE_LEGAL, legal, true, "合规", NOW);
    assertEquals(ApproverRole.EXECUTIVE, resolution.awaiting().orElseThrow());
    assertEquals(Resolution.Status.PENDING, resolution.status());
    resolution.decide(ApproverRole.EXECUTIVE, new Approver("行长 李三", "E3", null), true, "同意", NOW);
    assertEquals(Resolution.Status.APPROVED, resolution.status());
    assertTrue(resolution.awaiting().isEmpty());
    assertThrows(
        RuleViolationException.class,
        () ->
            resolution.decide(
                ApproverRole.EXECUTIVE, new Approver("x", "E9", null), true, "again", NOW));
  }

  @Test
  @DisplayName("R-F4 a rejection ends the proposal; a money resolution names its amount")
  void rejection() {
    Resolution resolution = proposed("5000");
    resolution.decide(
        ApproverRole.BRANCH_VICE_PRESIDENT, new Approver("副行长", "E5", null), false, "证据不足", NOW);
    assertEquals(Resolution.Status.REJECTED, resolution.status());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ResolutionProposal(
                ResolutionType.FEE_WAIVER_OR_REFUND, null, "退费", "收费标准", "退回账户"));
  }
}

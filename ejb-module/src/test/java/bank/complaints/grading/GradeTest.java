package bank.complaints.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GradeTest {

  private static final List<GradingRule> RULES =
      List.of(
          new GradingRule(
              10, List.of("盗刷", "泄露"), null, Severity.RED, Category.SECURITY, null, "security"),
          new GradingRule(
              20, List.of("转账失败"), null, Severity.YELLOW, Category.SYSTEM, null, "system"),
          new GradingRule(
              30, List.of("年费", "FEE"), null, Severity.GREEN, Category.FEES, null, "fees"),
          new GradingRule(
              60, null, new BigDecimal("10000"), Severity.YELLOW, null, null, "amount ≥ 10,000"),
          new GradingRule(
              70, null, new BigDecimal("100000"), Severity.RED, null, null, "amount ≥ 100,000"),
          new GradingRule(
              80,
              List.of("办错", "操作失误"),
              null,
              null,
              null,
              CauseTag.BUSINESS_PROCESSING_ERROR,
              "processing error"),
          new GradingRule(
              110, List.of("窗口关闭"), null, null, null, CauseTag.CLOSED_COUNTERS, "closed"));

  @Test
  @DisplayName("R-G1 R-G2 a card-fraud complaint is Red / Security")
  void security() {
    Grade grade = Grade.propose(RULES, "我的信用卡被盗刷了三笔", null);
    assertEquals(Severity.RED, grade.severity());
    assertEquals(Category.SECURITY, grade.category());
  }

  @Test
  @DisplayName(
      "R-G1 R-G2 the most severe matching rule sets the severity, the first with a category the category")
  void mostSevereAndFirstCategory() {
    Grade grade = Grade.propose(RULES, "年费扣了两次", new BigDecimal("150000.00"));
    assertEquals(Severity.RED, grade.severity(), "the amount makes it Red");
    assertEquals(Category.FEES, grade.category(), "the keyword names the category");
    assertEquals(Severity.YELLOW, Grade.propose(RULES, "年费", new BigDecimal("10000")).severity());
    assertEquals(Severity.GREEN, Grade.propose(RULES, "年费", new BigDecimal("9999.99")).severity());
    assertEquals(Category.FEES, Grade.propose(RULES, "annual fee twice", null).category());
  }

  @Test
  @DisplayName("R-G1 R-G2 with no rule matching, a complaint is Green / Other")
  void noMatch() {
    Grade grade = Grade.propose(RULES, "其他问题", null);
    assertEquals(Severity.GREEN, grade.severity());
    assertEquals(Category.OTHER, grade.category());
  }

  @Test
  @DisplayName(
      "R-G3 every matching rule adds its cause tag; a tag-only rule leaves the grade alone")
  void causeTags() {
    Grade grade = Grade.propose(RULES, "柜员操作失误扣了年费，且只开一个窗口，窗口关闭了", null);
    assertEquals(
        Set.of(CauseTag.BUSINESS_PROCESSING_ERROR, CauseTag.CLOSED_COUNTERS), grade.causeTags());
    assertEquals(Severity.GREEN, grade.severity());
    assertEquals(Category.FEES, grade.category());
    assertEquals(Set.of(), Grade.propose(RULES, "年费", null).causeTags());
    Grade tagOnly = Grade.propose(RULES, "柜员办错了", null);
    assertEquals(Severity.GREEN, tagOnly.severity());
    assertEquals(Category.OTHER, tagOnly.category());
    assertEquals(Set.of(CauseTag.BUSINESS_PROCESSING_ERROR), tagOnly.causeTags());
  }

  @Test
  @DisplayName("A rule needs keywords or a minimum amount, and proposes something")
  void ruleNeedsACondition() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new GradingRule(1, List.of(), null, Severity.RED, Category.OTHER, null, "x"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GradingRule(1, List.of("a|b"), null, Severity.RED, Category.OTHER, null, "x"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GradingRule(1, List.of("a"), null, null, null, null, "proposes nothing"));
  }
}

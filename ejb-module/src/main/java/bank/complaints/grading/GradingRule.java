package bank.complaints.grading;

import bank.complaints.common.Keywords;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One grading rule, as data (R-G1, R-G2): a complaint matches when its text holds any of the
 * keywords, or its demanded amount reaches the threshold (either or both may be set; both set means
 * both must hold). A match proposes a severity, a category, a cause tag (R-G3), or any of them.
 */
@Entity
@Table(name = "grading_rule")
public class GradingRule {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "grading_rule_seq")
  @SequenceGenerator(
      name = "grading_rule_seq",
      sequenceName = "grading_rule_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  /** Lower first: the first matching rule with a category names the category. */
  @Column(name = "priority", nullable = false)
  private int priority;

  /** Separated by |, matched case-insensitively in the subject and description. */
  @Column(name = "keywords")
  private String keywords;

  /** The keywords lower-cased, worked out once: rules are reference data, read per registration. */
  @Transient private transient List<String> lowered;

  @Column(name = "min_amount")
  private BigDecimal minAmount;

  @Enumerated(EnumType.STRING)
  @Column(name = "severity")
  private Severity severity;

  @Enumerated(EnumType.STRING)
  @Column(name = "category")
  private Category category;

  @Enumerated(EnumType.STRING)
  @Column(name = "cause_tag")
  private CauseTag causeTag;

  @Column(name = "description", nullable = false)
  private String description;

  protected GradingRule() {}

  public GradingRule(
      int priority,
      List<String> keywords,
      BigDecimal minAmount,
      Severity severity,
      Category category,
      CauseTag causeTag,
      String description) {
    if ((keywords == null || keywords.isEmpty()) && minAmount == null) {
      throw new IllegalArgumentException("a rule needs keywords, a minimum amount, or both");
    }
    if (severity == null && category == null && causeTag == null) {
      throw new IllegalArgumentException("a rule proposes a severity, a category or a cause tag");
    }
    this.priority = priority;
    this.keywords = Keywords.toColumn(keywords);
    this.minAmount = minAmount;
    this.severity = severity;
    this.category = category;
    this.causeTag = causeTag;
    this.description = Objects.requireNonNull(description, "description");
  }

  public boolean matches(Keywords.Text text, BigDecimal amount) {
    boolean keywordHolds = Keywords.holdFor(lowered(), text);
    boolean amountHolds = minAmount == null || (amount != null && amount.compareTo(minAmount) >= 0);
    return keywordHolds && amountHolds;
  }

  public int priority() {
    return priority;
  }

  private List<String> lowered() {
    List<String> known = lowered;
    if (known == null) {
      lowered = known = Keywords.lowered(keywords); // a race computes the same list twice
    }
    return known;
  }

  public List<String> keywords() {
    return Keywords.fromColumn(keywords);
  }

  public BigDecimal minAmount() {
    return minAmount;
  }

  /** Null when the rule only classifies or tags. */
  public Severity severity() {
    return severity;
  }

  public Category category() {
    return category;
  }

  /** R-G3, or null. */
  public CauseTag causeTag() {
    return causeTag;
  }

  public String description() {
    return description;
  }
}

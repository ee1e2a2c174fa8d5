package bank.complaints.routing;

import bank.complaints.common.Keywords;
import bank.complaints.department.DepartmentCode;
import bank.complaints.grading.Category;
import bank.complaints.grading.Severity;
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
import java.util.List;
import java.util.Objects;

/**
 * R-F1, as data: a complaint of this category, this severity and mentioning any of these keywords
 * (each condition optional, all set conditions must hold) goes to this department.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "routing_rule_seq")
  @SequenceGenerator(
      name = "routing_rule_seq",
      sequenceName = "routing_rule_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "priority", nullable = false)
  private int priority;

  @Enumerated(EnumType.STRING)
  @Column(name = "category")
  private Category category;

  @Enumerated(EnumType.STRING)
  @Column(name = "severity")
  private Severity severity;

  @Column(name = "keywords")
  private String keywords;

  /** The keywords lower-cased, worked out once: rules are reference data, read per registration. */
  @Transient private transient List<String> lowered;

  @Column(name = "department_code", nullable = false)
  private DepartmentCode department;

  @Column(name = "description", nullable = false)
  private String description;

  protected RoutingRule() {}

  public RoutingRule(
      int priority,
      Category category,
      Severity severity,
      List<String> keywords,
      DepartmentCode department,
      String description) {
    this.priority = priority;
    this.category = category;
    this.severity = severity;
    this.keywords = Keywords.toColumn(keywords);
    this.department = Objects.requireNonNull(department, "department");
    this.description = Objects.requireNonNull(description, "description");
  }

  /** Whether a complaint of this category and severity, with this text, goes by this rule. */
  public boolean matches(Category category, Severity severity, Keywords.Text text) {
    return (this.category == null || this.category == category)
        && (this.severity == null || this.severity == severity)
        && Keywords.holdFor(lowered(), text);
  }

  public int priority() {
    return priority;
  }

  public Category category() {
    return category;
  }

  public Severity severity() {
    return severity;
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

  public DepartmentCode department() {
    return department;
  }

  public String description() {
    return description;
  }
}

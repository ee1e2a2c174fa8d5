package bank.complaints.api.v1.admin;

import bank.complaints.grading.Category;
import bank.complaints.grading.GradingRule;
import bank.complaints.grading.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole rule set, replacing what there was. */
@Schema(name = "GradingRulesUpdate")
public class GradingRulesUpdate {

  @NotNull
  @Size(max = 200)
  public List<@NotNull @Valid Rule> rules;

  /** One rule: keywords, a minimum demanded amount, or both. */
  @Schema(name = "GradingRuleUpdate")
  public static class Rule {
    public int priority;

    @Size(max = 50)
    public List<@NotBlank @Size(max = 40) String> keywords;

    @DecimalMin("0.00")
    @Digits(integer = 13, fraction = 2)
    public BigDecimal minAmount;

    @NotNull public Severity severity;

    public Category category;

    @NotBlank
    @Size(max = 200)
    public String description;

    GradingRule toRule() {
      return new GradingRule(
          priority,
          keywords == null ? List.of() : keywords.stream().map(String::strip).toList(),
          minAmount,
          severity,
          category,
          description.strip());
    }
  }

  /**
   * Throws IllegalArgumentException for a rule the domain refuses (neither keywords nor amount).
   */
  List<GradingRule> toRules() {
    return rules.stream().map(Rule::toRule).toList();
  }
}

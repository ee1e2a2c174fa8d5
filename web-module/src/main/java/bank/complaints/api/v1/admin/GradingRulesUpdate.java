package bank.complaints.api.v1.admin;

import bank.complaints.grading.Category;
import bank.complaints.grading.CauseTag;
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

  /**
   * One rule: keywords, a minimum demanded amount, or both; it proposes a severity, a category, a
   * cause tag, or several of them.
   */
  @Schema(name = "GradingRuleUpdate")
  public static class Rule {
    public int priority;

    @Size(max = 50)
    public List<@NotBlank @Size(max = 40) String> keywords;

    @DecimalMin("0.00")
    @Digits(integer = 13, fraction = 2)
    public BigDecimal minAmount;

    @Schema(description = "R-G1; may be left out by a rule that only classifies or tags")
    public Severity severity;

    public Category category;

    @Schema(example = "BUSINESS_PROCESSING_ERROR", description = "R-G3 cause tag")
    public CauseTag causeTag;

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
          causeTag,
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

package bank.complaints.api.v1.admin;

import bank.complaints.grading.GradingRule;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One grading rule. */
@Schema(name = "GradingRule")
public record GradingRuleView(
    @Schema(example = "10") int priority,
    @Schema(example = "[\"盗刷\", \"信息泄露\"]") List<String> keywords,
    @Schema(example = "100000.00", description = "CNY", multipleOf = 0.01) BigDecimal minAmount,
    @Schema(example = "RED") String severity,
    @Schema(example = "SECURITY") String category,
    // R-G3. No @Schema: Payara's OpenAPI scanner takes "cau-seT-ag" for a setter (see
    // ComplaintView).
    String causeTag,
    String description) {

  static GradingRuleView of(GradingRule rule) {
    return new GradingRuleView(
        rule.priority(),
        rule.keywords(),
        rule.minAmount(),
        rule.severity() == null ? null : rule.severity().name(),
        rule.category() == null ? null : rule.category().name(),
        rule.causeTag() == null ? null : rule.causeTag().name(),
        rule.description());
  }
}

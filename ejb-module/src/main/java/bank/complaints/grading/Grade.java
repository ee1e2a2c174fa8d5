package bank.complaints.grading;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A complaint's severity and category, and why (R-G1, R-G2). Proposed from the rules: the most
 * severe of all matching rules, the category of the first matching rule that names one.
 */
public record Grade(Severity severity, Category category, String reason) {

  public Grade {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
  }

  public static Grade propose(List<GradingRule> rules, String text, BigDecimal amount) {
    List<GradingRule> matching =
        rules.stream()
            .filter(r -> r.matches(text, amount))
            .sorted(Comparator.comparingInt(GradingRule::priority))
            .toList();
    if (matching.isEmpty()) {
      return new Grade(Severity.GREEN, Category.OTHER, "no grading rule matched");
    }
    Severity severity =
        matching.stream()
            .map(GradingRule::severity)
            .min(Comparator.naturalOrder()) // RED < YELLOW < GREEN
            .orElseThrow();
    Category category =
        matching.stream()
            .map(GradingRule::category)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(Category.OTHER);
    return new Grade(
        severity,
        category,
        "rules: " + String.join("; ", matching.stream().map(GradingRule::description).toList()));
  }
}

package bank.complaints.grading;

import bank.complaints.common.Keywords;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A complaint's severity and category, and why (R-G1, R-G2), with the cause tags proposed (R-G3).
 * Proposed from the rules: the most severe of all matching rules, the category of the first
 * matching rule that names one, the tags of every matching rule.
 */
public record Grade(Severity severity, Category category, Set<CauseTag> causeTags, String reason) {

  public Grade {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
    causeTags = causeTags == null ? Set.of() : Set.copyOf(causeTags);
  }

  /** A grade set by staff: no tags proposed. */
  public Grade(Severity severity, Category category, String reason) {
    this(severity, category, Set.of(), reason);
  }

  public static Grade propose(List<GradingRule> rules, String text, BigDecimal amount) {
    Keywords.Text searched = Keywords.Text.of(text);
    List<GradingRule> matching =
        rules.stream()
            .filter(r -> r.matches(searched, amount))
            .sorted(Comparator.comparingInt(GradingRule::priority))
            .toList();
    if (matching.isEmpty()) {
      return new Grade(Severity.GREEN, Category.OTHER, "no grading rule matched");
    }
    Severity severity =
        matching.stream()
            .map(GradingRule::severity)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder()) // RED < YELLOW < GREEN
            .orElse(Severity.GREEN);
    Category category =
        matching.stream()
            .map(GradingRule::category)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(Category.OTHER);
    Set<CauseTag> tags =
        matching.stream()
            .map(GradingRule::causeTag)
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(CauseTag.class)));
    return new Grade(
        severity,
        category,
        tags,
        "rules: " + String.join("; ", matching.stream().map(GradingRule::description).toList()));
  }
}

package bank.complaints.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The keywords of a rule kept as data (grading, routing): stored in one column separated by |, and
 * matched case-insensitively anywhere in a complaint's text. No keywords means no condition.
 */
public final class Keywords {

  private Keywords() {}

  /** The column value for these keywords, or null for none. */
  public static String toColumn(List<String> keywords) {
    if (keywords == null || keywords.isEmpty()) {
      return null;
    }
    if (keywords.stream().anyMatch(k -> k.isBlank() || k.contains("|"))) {
      throw new IllegalArgumentException("a keyword is not blank and holds no |");
    }
    return String.join("|", keywords);
  }

  public static List<String> fromColumn(String column) {
    return column == null ? List.of() : Arrays.asList(column.split("\\|"));
  }

  /** True when there are no keywords, or the text holds any of them. */
  public static boolean holdFor(String column, String text) {
    if (column == null) {
      return true;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return fromColumn(column).stream().anyMatch(k -> lower.contains(k.toLowerCase(Locale.ROOT)));
  }
}

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

  /**
   * A complaint's text as rules match keywords against it: lower-cased once for all of them (issue
   * 18: each rule lower-cased the whole text and split its column again, for every registration).
   */
  public record Text(String lower) {

    public static Text of(String text) {
      return new Text(text.toLowerCase(Locale.ROOT));
    }
  }

  /** A column's keywords, lower-cased, for {@link #holdFor(List, Text)}; none for a null column. */
  public static List<String> lowered(String column) {
    return fromColumn(column).stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
  }

  /** True when there are no keywords, or the text holds any of them. */
  public static boolean holdFor(List<String> lowered, Text text) {
    if (lowered.isEmpty()) {
      return true;
    }
    for (String keyword : lowered) {
      if (text.lower().contains(keyword)) {
        return true;
      }
    }
    return false;
  }
}

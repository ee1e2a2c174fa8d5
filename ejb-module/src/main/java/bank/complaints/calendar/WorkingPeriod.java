package bank.complaints.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One stretch of working time within a day, e.g. 09:00–12:00. */
public record WorkingPeriod(LocalTime start, LocalTime end) {

  private static final String END_OF_DAY = "24:00";

  public WorkingPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "a working period ends after it starts: " + start + "–" + end);
    }
  }

  /** {@code 24:00} as an end means midnight at the end of the day. */
  public static WorkingPeriod of(String start, String end) {
    return new WorkingPeriod(
        LocalTime.parse(start), END_OF_DAY.equals(end) ? LocalTime.MAX : LocalTime.parse(end));
  }

  /** Parses {@code 09:00-12:00,13:00-17:00}, or {@code 00:00-24:00} for the whole day. */
  public static List<WorkingPeriod> parseList(String text) {
    List<WorkingPeriod> periods = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] bounds = part.strip().split("-");
      if (bounds.length != 2) {
        throw new IllegalArgumentException("not a working period (HH:mm-HH:mm): " + part);
      }
      periods.add(of(bounds[0].strip(), bounds[1].strip()));
    }
    return periods;
  }

  public Duration length() {
    return end.equals(LocalTime.MAX)
        ? Duration.between(start, LocalTime.MIDNIGHT).plusDays(1)
        : Duration.between(start, end);
  }

  /** The form {@link #parseList} reads: {@code 09:00-17:00}, {@code 00:00-24:00}. */
  @Override
  public String toString() {
    return start + "-" + (end.equals(LocalTime.MAX) ? END_OF_DAY : end.toString());
  }
}

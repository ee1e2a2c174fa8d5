package bank.complaints.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One stretch of working time within a day, e.g. 09:00–12:00. */
public record WorkingPeriod(LocalTime start, LocalTime end) {

  public WorkingPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "a working period ends after it starts: " + start + "–" + end);
    }
  }

  public static WorkingPeriod of(String start, String end) {
    return new WorkingPeriod(LocalTime.parse(start), LocalTime.parse(end));
  }

  /** Parses {@code 09:00-12:00,13:00-17:00} (the form configuration uses). */
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
    return Duration.between(start, end);
  }
}

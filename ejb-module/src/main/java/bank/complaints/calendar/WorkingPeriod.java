package bank.complaints.calendar;

import java.time.Duration;
import java.time.LocalTime;
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

  public Duration length() {
    return Duration.between(start, end);
  }
}

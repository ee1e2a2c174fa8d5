package bank.complaints.sla;

import bank.complaints.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of time in a clock's own measure, written as an ISO-8601 duration with days and time:
 * {@code P2D}, {@code PT1H}, {@code P1DT4H}, {@code PT5S}. On a working-time clock a day is one
 * normal working day of the calendar (8 h by default), so {@code P2D} is two working days; on a
 * calendar-time clock it is 24 h.
 */
public record Allowance(long days, Duration time) {

  private static final Pattern ISO = Pattern.compile("P(?:(\\d{1,4})D)?(T.+)?");

  public Allowance {
    Objects.requireNonNull(time, "time");
    if (days < 0 || time.isNegative()) {
      throw new IllegalArgumentException("an allowance is not negative");
    }
  }

  public static Allowance parse(String text) {
    Matcher matcher = ISO.matcher(text == null ? "" : text.strip());
    if (!matcher.matches() || (matcher.group(1) == null && matcher.group(2) == null)) {
      throw new IllegalArgumentException(
          "not an allowance (ISO-8601 days and time, e.g. P2D, PT24H, PT30S): " + text);
    }
    long days = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
    Duration time = Duration.ZERO;
    if (matcher.group(2) != null) {
      try {
        time = Duration.parse("P" + matcher.group(2));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not an allowance: " + text, e);
      }
    }
    return new Allowance(days, time);
  }

  /** The allowance as a duration of the measure: working time, or calendar time. */
  public Duration in(Measure measure, BusinessCalendar calendar) {
    Duration day = measure == Measure.WORKING_TIME ? calendar.workingDay() : Duration.ofDays(1);
    return day.multipliedBy(days).plus(time);
  }

  public boolean isZero() {
    return days == 0 && time.isZero();
  }

  @Override
  public String toString() {
    if (days > 0 && time.isZero()) {
      return "P" + days + "D";
    }
    String timePart = time.toString().substring(1); // "T…" or "0S"
    return days > 0 ? "P" + days + "D" + timePart : "P" + (time.isZero() ? "T0S" : timePart);
  }
}

package bank.complaints.sla;

import bank.complaints.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;

/**
 * How a clock counts time (R-CAL): working time on the business calendar, or plain calendar time
 * (the 24 h contact, the 1-week follow-up).
 */
public enum Measure {
  WORKING_TIME {
    @Override
    public Instant after(Instant from, Duration amount, BusinessCalendar calendar) {
      return calendar.addWorkingTime(from, amount);
    }

    @Override
    public Duration between(Instant from, Instant to, BusinessCalendar calendar) {
      return calendar.workingTimeBetween(from, to);
    }
  },
  CALENDAR_TIME {
    @Override
    public Instant after(Instant from, Duration amount, BusinessCalendar calendar) {
      return from.plus(amount);
    }

    @Override
    public Duration between(Instant from, Instant to, BusinessCalendar calendar) {
      return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
  };

  /** The instant at which {@code amount} of this measure has passed since {@code from}. */
  public abstract Instant after(Instant from, Duration amount, BusinessCalendar calendar);

  /** How much of this measure passes between two instants (zero if {@code to} is not later). */
  public abstract Duration between(Instant from, Instant to, BusinessCalendar calendar);
}

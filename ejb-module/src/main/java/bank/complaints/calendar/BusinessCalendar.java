package bank.complaints.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The bank's business calendar (R-CAL): weekly working hours in the bank's zone, public holidays
 * (no working time at all) and make-up working days (weekend days worked with the hours of a normal
 * weekday, as China moves working days around its holidays). Working-time arithmetic is exact to
 * the nanosecond and walks the calendar day by day, so it is right across nights, weekends, holiday
 * blocks and make-up days, and around daylight-saving changes in zones that have them.
 */
public final class BusinessCalendar {

  /** Guards against a calendar with no working time at all, where no deadline can ever fall. */
  private static final int MAX_DAYS_SEARCHED = 3_660;

  private final ZoneId zone;
  private final Map<DayOfWeek, List<WorkingPeriod>> weeklyHours;
  private final List<WorkingPeriod> standardDayHours;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> makeUpWorkingDays;

  /**
   * @param weeklyHours working periods by day of the week; a day not listed is a rest day
   * @param standardDayHours the hours of a normal working day: worked on make-up working days, and
   *     the length of one "working day" in deadlines
   */
  public BusinessCalendar(
      ZoneId zone,
      Map<DayOfWeek, List<WorkingPeriod>> weeklyHours,
      List<WorkingPeriod> standardDayHours,
      Set<LocalDate> holidays,
      Set<LocalDate> makeUpWorkingDays) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.weeklyHours = new EnumMap<>(DayOfWeek.class);
    weeklyHours.forEach((day, periods) -> this.weeklyHours.put(day, ordered(periods)));
    this.standardDayHours = ordered(standardDayHours);
    this.holidays = Set.copyOf(holidays);
    this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    LocalDate clash =
        this.holidays.stream().filter(this.makeUpWorkingDays::contains).findFirst().orElse(null);
    if (clash != null) {
      throw new IllegalArgumentException(
          clash + " cannot be both a holiday and a make-up working day");
    }
  }

  /** Mon–Fri 09:00–17:00 in the zone, no holidays: the default of R-CAL before a year is loaded. */
  public static BusinessCalendar standard(ZoneId zone) {
    List<WorkingPeriod> nineToFive = List.of(WorkingPeriod.of("09:00", "17:00"));
    Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      week.put(day, nineToFive);
    }
    return new BusinessCalendar(zone, week, nineToFive, Set.of(), Set.of());
  }

  /**
   * Every hour of every day is working time: for trials, and for Red cases' round-the-clock clocks.
   */
  public static BusinessCalendar roundTheClock(ZoneId zone) {
    List<WorkingPeriod> allDay = List.of(new WorkingPeriod(LocalTime.MIN, LocalTime.MAX));
    Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, allDay);
    }
    return new BusinessCalendar(zone, week, allDay, Set.of(), Set.of());
  }

  /** The same hours with a year's (or several years') holidays and make-up working days. */
  public BusinessCalendar withSpecialDays(
      Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
    return new BusinessCalendar(zone, weeklyHours, standardDayHours, holidays, makeUpWorkingDays);
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isWorkingDay(LocalDate day) {
    return !periodsOn(day).isEmpty();
  }

  /** The working periods of a day, in order: none on a holiday, a normal day's on a make-up day. */
  public List<WorkingPeriod> periodsOn(LocalDate day) {
    if (holidays.contains(day)) {
      return List.of();
    }
    if (makeUpWorkingDays.contains(day)) {
      return standardDayHours;
    }
    return weeklyHours.getOrDefault(day.getDayOfWeek(), List.of());
  }

  public boolean isWorkingTime(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    for (WorkingPeriod period : periodsOn(local.toLocalDate())) {
      Instant start = at(local.toLocalDate(), period.start());
      Instant end = endOf(local.toLocalDate(), period);
      if (!instant.isBefore(start) && instant.isBefore(end)) {
        return true;
      }
    }
    return false;
  }

  /** {@code from} itself if it is working time, else the start of the next working period. */
  public Instant nextWorkingTime(Instant from) {
    LocalDate day = from.atZone(zone).toLocalDate();
    for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++, day = day.plusDays(1)) {
      for (WorkingPeriod period : periodsOn(day)) {
        Instant start = at(day, period.start());
        if (!from.isBefore(start) && from.isBefore(endOf(day, period))) {
          return from;
        }
        if (start.isAfter(from)) {
          return start;
        }
      }
    }
    throw new IllegalStateException(
        "no working time within " + MAX_DAYS_SEARCHED + " days of " + from);
  }

  /**
   * The instant at which {@code workingTime} of working time has passed since {@code from}. Time
   * outside working hours does not count; a result that lands on the end of a working period is
   * that end (e.g. 17:00), not the next morning. Zero working time from inside working hours is
   * {@code from}; from outside, it is {@code from} as well (nothing has to pass).
   */
  public Instant addWorkingTime(Instant from, Duration workingTime) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("working time must not be negative: " + workingTime);
    }
    if (workingTime.isZero()) {
      return from;
    }
    Duration remaining = workingTime;
    LocalDate day = from.atZone(zone).toLocalDate();
    for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++, day = day.plusDays(1)) {
      for (WorkingPeriod period : periodsOn(day)) {
        Instant start = max(at(day, period.start()), from);
        Instant end = endOf(day, period);
        if (!start.isBefore(end)) {
          continue;
        }
        Duration available = Duration.between(start, end);
        if (remaining.compareTo(available) <= 0) {
          return start.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException(
        "no working time within " + MAX_DAYS_SEARCHED + " days of " + from);
  }

  /** The length of one working day in deadlines: a normal working day's hours (8 h by default). */
  public Duration workingDay() {
    return standardDayHours.stream()
        .map(WorkingPeriod::length)
        .reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * The deadline {@code days} working days after {@code from}: as much working time as that many
   * normal working days hold, so Monday 10:00 + 2 working days is Wednesday 10:00 and a weekend,
   * holiday block or make-up day in between is skipped or counted as the calendar says.
   */
  public Instant addWorkingDays(Instant from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + days);
    }
    return addWorkingTime(from, workingDay().multipliedBy(days));
  }

  /** The working time between two instants (zero when {@code to} is not after {@code from}). */
  public Duration workingTimeBetween(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    if (!to.isAfter(from)) {
      return total;
    }
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = from.atZone(zone).toLocalDate();
        !day.isAfter(last);
        day = day.plusDays(1)) {
      for (WorkingPeriod period : periodsOn(day)) {
        Instant start = max(at(day, period.start()), from);
        Instant end = min(endOf(day, period), to);
        if (start.isBefore(end)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  private Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(zone).toInstant();
  }

  /** A period ending at 23:59:59.999999999 (LocalTime.MAX) really ends at the next midnight. */
  private Instant endOf(LocalDate day, WorkingPeriod period) {
    return period.end().equals(LocalTime.MAX)
        ? day.plusDays(1).atStartOfDay(zone).toInstant()
        : at(day, period.end());
  }

  /** Refuses overlapping periods. */
  static void checkPeriods(List<WorkingPeriod> periods) {
    ordered(periods);
  }

  private static List<WorkingPeriod> ordered(List<WorkingPeriod> periods) {
    List<WorkingPeriod> sorted = new ArrayList<>(periods);
    sorted.sort(Comparator.comparing(WorkingPeriod::start));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
        throw new IllegalArgumentException(
            "working periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
      }
    }
    return List.copyOf(sorted);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}

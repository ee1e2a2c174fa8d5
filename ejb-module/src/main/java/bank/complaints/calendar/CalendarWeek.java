package bank.complaints.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bank's weekly working hours (R-CAL), one row: which days of the week are worked, and the
 * hours of a working day (also the hours of a make-up working day).
 */
@Entity
@Table(name = "calendar_week")
public class CalendarWeek {

  static final int THE_ONLY_ROW = 1;

  @Id
  @Column(name = "id")
  private int id = THE_ONLY_ROW;

  @Column(name = "working_days", nullable = false)
  private String workingDays;

  @Column(name = "working_hours", nullable = false)
  private String workingHours;

  protected CalendarWeek() {}

  public Set<DayOfWeek> workingDays() {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Arrays.stream(workingDays.split(","))
        .map(String::strip)
        .map(DayOfWeek::valueOf)
        .forEach(days::add);
    return days;
  }

  public List<WorkingPeriod> workingHours() {
    return WorkingPeriod.parseList(workingHours);
  }

  /** Replaces the week; the hours are checked (ordered, not overlapping) before they are kept. */
  void replace(Set<DayOfWeek> days, List<WorkingPeriod> hours) {
    if (hours.isEmpty()) {
      throw new IllegalArgumentException("a working day has at least one working period");
    }
    BusinessCalendar.checkPeriods(hours);
    this.workingDays =
        EnumSet.copyOf(days).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    this.workingHours =
        hours.stream().map(WorkingPeriod::toString).collect(Collectors.joining(","));
  }
}

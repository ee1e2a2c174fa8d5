package bank.complaints.api.v1.admin;

import bank.complaints.calendar.Calendars;
import bank.complaints.calendar.SpecialDay;
import java.time.DayOfWeek;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A year of the business calendar: the weekly pattern and the days that break it. */
@Schema(name = "CalendarYear")
public record CalendarYearView(
    int year,
    String zone,
    List<DayOfWeek> workingDays,
    @Schema(example = "[\"09:00-17:00\"]") List<String> workingHours,
    List<Day> days) {

  /** A holiday or make-up working day. */
  @Schema(name = "CalendarYearDay")
  public record Day(String date, String kind, String name) {}

  static CalendarYearView of(int year, Calendars calendars, List<SpecialDay> days) {
    return new CalendarYearView(
        year,
        calendars.zone().getId(),
        CalendarWeekView.of(calendars.week()).workingDays(),
        CalendarWeekView.of(calendars.week()).workingHours(),
        days.stream().map(d -> new Day(d.day().toString(), d.kind().name(), d.name())).toList());
  }
}

package bank.complaints.api.v1.admin;

import bank.complaints.calendar.CalendarWeek;
import bank.complaints.calendar.WorkingPeriod;
import java.time.DayOfWeek;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The weekly working days and hours of the business calendar. */
@Schema(name = "CalendarWeek")
public record CalendarWeekView(
    List<DayOfWeek> workingDays,
    @Schema(example = "[\"09:00-12:00\", \"13:00-17:00\"]") List<String> workingHours) {

  static CalendarWeekView of(CalendarWeek week) {
    return new CalendarWeekView(
        week.workingDays().stream().sorted().toList(),
        week.workingHours().stream().map(WorkingPeriod::toString).toList());
  }
}

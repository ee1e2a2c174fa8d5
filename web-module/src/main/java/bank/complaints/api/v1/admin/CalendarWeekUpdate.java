package bank.complaints.api.v1.admin;

import bank.complaints.calendar.WorkingPeriod;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * New weekly working days and hours. A trial of the escalation ladder sets all seven days to {@code
 * 00:00-24:00}.
 */
@Schema(name = "CalendarWeekUpdate")
public class CalendarWeekUpdate {

  @NotEmpty
  @Size(max = 7)
  @Schema(example = "[\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\"]")
  public List<@NotNull DayOfWeek> workingDays;

  @NotEmpty
  @Size(max = 6)
  @Schema(example = "[\"09:00-12:00\", \"13:00-17:00\"]")
  public List<
          @NotNull
          @Pattern(
              regexp = "([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)",
              message = "must be a period HH:mm-HH:mm, e.g. 09:00-17:00 or 00:00-24:00")
          String>
      workingHours;

  List<WorkingPeriod> periods() {
    return workingHours.stream().map(text -> WorkingPeriod.parseList(text).get(0)).toList();
  }
}

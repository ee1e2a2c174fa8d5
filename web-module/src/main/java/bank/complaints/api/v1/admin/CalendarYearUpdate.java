package bank.complaints.api.v1.admin;

import bank.complaints.calendar.DayKind;
import bank.complaints.calendar.SpecialDay;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A year's holidays and make-up working days, replacing what the year had. */
@Schema(name = "CalendarYearUpdate")
public class CalendarYearUpdate {

  @NotNull
  @Size(max = 366)
  public List<@NotNull @Valid Day> days;

  /** One special day. */
  @Schema(name = "CalendarDay")
  public static class Day {

    @NotNull
    @Schema(example = "2026-10-01")
    public LocalDate date;

    @NotNull
    @Schema(example = "HOLIDAY")
    public DayKind kind;

    @NotBlank
    @Size(max = 100)
    @Schema(example = "国庆节 National Day")
    public String name;

    SpecialDay toSpecialDay() {
      return new SpecialDay(date, kind, name.strip());
    }
  }

  List<SpecialDay> toSpecialDays() {
    return days.stream().map(Day::toSpecialDay).toList();
  }
}

package bank.complaints.api.v1.admin;

import bank.complaints.api.Params;
import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.api.security.RoleGroup;
import bank.complaints.calendar.Calendars;
import bank.complaints.calendar.WorkingPeriod;
import bank.complaints.common.InvalidRequestException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The business calendar (R-CAL) as data: read and replace a year, and preview a deadline on it. */
@Path("v1/admin/calendars")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class CalendarResource {

  @Inject Calendars calendars;

  @Inject RequestValidation validation;

  @GET
  @Path("{year}")
  @Operation(operationId = "getCalendarYear", summary = "Read a year of the business calendar")
  @Allowed(groups = RoleGroup.SETTINGS_READERS)
  public CalendarYearView read(@PathParam("year") String year) {
    int parsed = year(year);
    return CalendarYearView.of(parsed, calendars, calendars.year(parsed));
  }

  @PUT
  @Path("{year}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replaceCalendarYear",
      summary = "Replace a year's holidays and make-up working days")
  @APIResponse(responseCode = "200", description = "The year as it now stands.")
  @APIResponse(
      responseCode = "400",
      description = "Malformed body.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "A day outside the year, or listed twice.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public CalendarYearView replace(@PathParam("year") String year, CalendarYearUpdate update) {
    int parsed = year(year);
    return CalendarYearView.of(
        parsed, calendars, calendars.replaceYear(parsed, validation.valid(update).toSpecialDays()));
  }

  @GET
  @Path("week")
  @Operation(operationId = "getCalendarWeek", summary = "Read the weekly working days and hours")
  @Allowed(groups = RoleGroup.SETTINGS_READERS)
  public CalendarWeekView week() {
    return CalendarWeekView.of(calendars.week());
  }

  @PUT
  @Path("week")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replaceCalendarWeek",
      summary = "Replace the weekly working days and hours",
      description =
          "All seven days at 00:00-24:00 make a round-the-clock calendar, e.g. for a trial of the"
              + " escalation ladder.")
  @APIResponse(responseCode = "200", description = "The week as it now stands.")
  @APIResponse(
      responseCode = "400",
      description = "Malformed body or period.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "Periods that overlap or end before they start.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public CalendarWeekView replaceWeek(CalendarWeekUpdate update) {
    CalendarWeekUpdate valid = validation.valid(update);
    List<WorkingPeriod> periods;
    try {
      periods = valid.periods();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    return CalendarWeekView.of(calendars.replaceWeek(EnumSet.copyOf(valid.workingDays), periods));
  }

  /**
   * When a deadline of some working days or hours from an instant falls on the current calendar.
   */
  @GET
  @Path("deadline")
  @Operation(
      operationId = "computeDeadline",
      summary = "Preview a deadline: from + working days / hours on the current calendar")
  @Allowed(groups = RoleGroup.SETTINGS_READERS)
  public DeadlineView deadline(
      @QueryParam("from") String from,
      @QueryParam("workingDays") Integer workingDays,
      @QueryParam("workingHours") Integer workingHours) {
    if ((workingDays == null) == (workingHours == null)
        || (workingDays != null && (workingDays < 0 || workingDays > 365))
        || (workingHours != null && (workingHours < 0 || workingHours > 8_760))) {
      throw new BadRequestException("Give either workingDays (0–365) or workingHours (0–8760).");
    }
    Instant start = instant(from);
    Instant due =
        workingDays != null
            ? calendars.current().addWorkingDays(start, workingDays)
            : calendars.current().addWorkingTime(start, Duration.ofHours(workingHours));
    return new DeadlineView(
        start.atZone(calendars.zone()).toOffsetDateTime(),
        due.atZone(calendars.zone()).toOffsetDateTime());
  }

  /** A deadline preview, both times in the bank's zone. */
  public record DeadlineView(OffsetDateTime from, OffsetDateTime due) {}

  private static int year(String text) {
    try {
      int year = Integer.parseInt(text);
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        "The year must be a number from 2000 to 2100, not '" + Params.abbreviate(text) + "'.");
  }

  private static Instant instant(String text) {
    if (text == null) {
      throw new BadRequestException("'from' is required, e.g. 2026-10-01T10:00:00+08:00.");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          "'from' must be an ISO date-time with offset, e.g. 2026-10-01T10:00:00+08:00.");
    }
  }
}

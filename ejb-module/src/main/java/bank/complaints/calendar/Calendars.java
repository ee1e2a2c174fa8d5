package bank.complaints.calendar;

import bank.complaints.audit.Audited;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.platform.BankZone;
import bank.complaints.platform.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bank's calendar (R-CAL) as data: the weekly hours and the special days, both in the database.
 * Deadlines ask {@link #current()}; administrators read and replace a year. The built calendar is
 * read through the reference-data cache, so a change made on another server applies within its
 * refresh period everywhere.
 */
@ApplicationScoped
public class Calendars {

  @Inject EntityManager em;

  @Inject @BankZone ZoneId zone;

  @Inject ReferenceData reference;

  private static final String REFERENCE = "calendar";

  public BusinessCalendar current() {
    return reference.read(REFERENCE, this::load);
  }

  public List<SpecialDay> year(int year) {
    return em.createQuery(
            "select d from SpecialDay d where d.calendarDate >= :first and d.calendarDate < :next"
                + " order by d.calendarDate",
            SpecialDay.class)
        .setParameter("first", LocalDate.of(year, 1, 1))
        .setParameter("next", LocalDate.of(year + 1, 1, 1))
        .getResultList();
  }

  /** Replaces a year's holidays and make-up working days with {@code days}. */
  @Audited
  @Transactional
  public List<SpecialDay> replaceYear(int year, List<SpecialDay> days) {
    Set<LocalDate> seen = new HashSet<>();
    for (SpecialDay day : days) {
      if (day.day().getYear() != year) {
        throw new InvalidRequestException(day.day() + " is not in " + year + ".");
      }
      if (!seen.add(day.day())) {
        throw new InvalidRequestException(day.day() + " is listed twice.");
      }
    }
    reference.replacing(REFERENCE);
    year(year).forEach(em::remove);
    em.flush();
    days.forEach(em::persist);
    em.flush();
    return year(year);
  }

  public ZoneId zone() {
    return zone;
  }

  public CalendarWeek week() {
    return em.find(CalendarWeek.class, CalendarWeek.THE_ONLY_ROW);
  }

  /** Replaces the weekly working days and hours (a trial sets every day to 00:00-24:00). */
  @Audited
  @Transactional
  public CalendarWeek replaceWeek(Set<DayOfWeek> days, List<WorkingPeriod> hours) {
    reference.replacing(REFERENCE);
    CalendarWeek week = week();
    try {
      week.replace(days, hours);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    em.flush();
    return week;
  }

  private BusinessCalendar load() {
    CalendarWeek configured = week();
    List<WorkingPeriod> hours = configured.workingHours();
    Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
    configured.workingDays().forEach(day -> week.put(day, hours));
    Set<LocalDate> holidays = new HashSet<>();
    Set<LocalDate> makeUpDays = new HashSet<>();
    for (SpecialDay day :
        em.createQuery("select d from SpecialDay d", SpecialDay.class).getResultList()) {
      (day.kind() == DayKind.HOLIDAY ? holidays : makeUpDays).add(day.day());
    }
    return new BusinessCalendar(zone, week, hours, holidays, makeUpDays);
  }
}

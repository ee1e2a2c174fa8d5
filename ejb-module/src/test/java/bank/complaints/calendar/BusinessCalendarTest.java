package bank.complaints.calendar;

import static bank.complaints.calendar.ChinaMainland2026.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private final BusinessCalendar calendar = ChinaMainland2026.calendar();

  private static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @Test
  @DisplayName(
      "R-CAL working hours carry over nights and weekends, and a deadline may end exactly at 17:00")
  void workingHoursAcrossNightsAndWeekends() {
    Duration hour = Duration.ofHours(1);
    assertEquals(
        shanghai("2026-03-02T11:00"), calendar.addWorkingTime(shanghai("2026-03-02T10:00"), hour));
    assertEquals(
        shanghai("2026-03-02T17:00"), calendar.addWorkingTime(shanghai("2026-03-02T16:00"), hour));
    assertEquals(
        shanghai("2026-03-03T09:30"), calendar.addWorkingTime(shanghai("2026-03-02T16:30"), hour));
    assertEquals(
        shanghai("2026-03-09T09:30"),
        calendar.addWorkingTime(shanghai("2026-03-06T16:30"), hour),
        "Friday to Monday");
    assertEquals(
        shanghai("2026-03-09T10:00"),
        calendar.addWorkingTime(shanghai("2026-03-07T12:00"), hour),
        "from a Saturday");
    assertEquals(
        shanghai("2026-03-03T10:00"),
        calendar.addWorkingTime(shanghai("2026-03-02T20:00"), hour),
        "from the evening");
  }

  @Test
  @DisplayName(
      "R-I7 R-CAL registration within 1 working hour: a complaint received on New Year's Eve night is due on the make-up Sunday")
  void newYearMakeUpSunday() {
    // Jan 1–3 are holidays; Sunday Jan 4 is a make-up working day.
    assertEquals(
        shanghai("2026-01-04T10:00"),
        calendar.addWorkingTime(shanghai("2025-12-31T22:00"), Duration.ofHours(1)));
    assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-01-04")));
    assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-01-02")), "a Friday holiday");
  }

  @Test
  @DisplayName(
      "R-G1 R-CAL Yellow's 2 working days across the Spring Festival: the make-up Saturday counts, the nine-day block does not")
  void springFestival() {
    // Fri Feb 13 16:00: 1 h that day, 8 h on make-up Saturday Feb 14, then Feb 15–23 off, 7 h on
    // Tue Feb 24.
    assertEquals(
        shanghai("2026-02-24T16:00"), calendar.addWorkingDays(shanghai("2026-02-13T16:00"), 2));
    assertEquals(
        Duration.ofHours(16),
        calendar.workingTimeBetween(shanghai("2026-02-13T16:00"), shanghai("2026-02-24T16:00")));
    for (LocalDate day = LocalDate.parse("2026-02-15");
        !day.isAfter(LocalDate.parse("2026-02-23"));
        day = day.plusDays(1)) {
      assertFalse(calendar.isWorkingDay(day), day.toString());
    }
    assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-02-28")), "the second make-up Saturday");
  }

  @Test
  @DisplayName(
      "R-G1 R-CAL Green's 4 working days across National Day, with the make-up Sunday before it and Saturday after it")
  void nationalDay() {
    // Wed Sep 30 15:00: 2 h; Oct 1–7 off; Thu Oct 8 8 h; Fri Oct 9 8 h; Sat Oct 10 (make-up) 8 h;
    // Mon Oct 12 6 h.
    assertEquals(
        shanghai("2026-10-12T15:00"), calendar.addWorkingDays(shanghai("2026-09-30T15:00"), 4));
    assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-09-20")), "make-up Sunday");
    assertFalse(calendar.isWorkingTime(shanghai("2026-10-05T10:00")));
    assertTrue(calendar.isWorkingTime(shanghai("2026-10-10T10:00")));
  }

  @Test
  @DisplayName("R-CAL the 2026 mainland calendar has 248 working days of 8 hours")
  void wholeYear() {
    int workingDays = 0;
    for (LocalDate day = LocalDate.parse("2026-01-01");
        day.getYear() == 2026;
        day = day.plusDays(1)) {
      workingDays += calendar.isWorkingDay(day) ? 1 : 0;
    }
    assertEquals(248, workingDays);
    assertEquals(
        Duration.ofHours(248 * 8),
        calendar.workingTimeBetween(shanghai("2026-01-01T00:00"), shanghai("2027-01-01T00:00")));
  }

  @Test
  @DisplayName(
      "R-CAL adding working time then measuring it gives it back, from any instant of 2026 (10,000 seeded cases)")
  void addThenMeasureRoundTrips() {
    Random random = new Random(20261123);
    Instant yearStart = shanghai("2026-01-01T00:00");
    long yearSeconds = Duration.ofDays(365).toSeconds();
    for (int i = 0; i < 10_000; i++) {
      Instant from =
          yearStart
              .plusSeconds(random.nextLong(yearSeconds))
              .plusNanos(random.nextInt(1_000_000_000));
      Duration amount =
          Duration.ofSeconds(random.nextLong(Duration.ofHours(40).toSeconds()))
              .plusNanos(random.nextInt(1_000_000_000));
      Instant due = calendar.addWorkingTime(from, amount);
      assertEquals(amount, calendar.workingTimeBetween(from, due), () -> from + " + " + amount);
      assertFalse(due.isBefore(from));
      assertTrue(
          calendar.isWorkingTime(due.minusNanos(1)),
          () -> "a deadline ends in working time: " + due);
    }
  }

  @Test
  @DisplayName("R-CAL split working hours (a lunch break) and round-the-clock calendars")
  void lunchBreakAndRoundTheClock() {
    BusinessCalendar withLunch =
        new BusinessCalendar(
            SHANGHAI,
            Map.of(
                DayOfWeek.MONDAY,
                List.of(WorkingPeriod.of("13:00", "17:30"), WorkingPeriod.of("08:30", "12:00"))),
            List.of(WorkingPeriod.of("08:30", "12:00"), WorkingPeriod.of("13:00", "17:30")),
            Set.of(),
            Set.of());
    assertEquals(
        shanghai("2026-03-02T13:30"),
        withLunch.addWorkingTime(
            shanghai("2026-03-02T11:00"), Duration.ofHours(1).plusMinutes(30)));
    assertEquals(Duration.ofHours(8), withLunch.workingDay());

    BusinessCalendar always = BusinessCalendar.roundTheClock(ZoneId.of("UTC"));
    Instant saturdayNight = Instant.parse("2026-03-07T03:00:00Z");
    assertEquals(
        saturdayNight.plusSeconds(90),
        always.addWorkingTime(saturdayNight, Duration.ofSeconds(90)));
    assertEquals(
        Duration.ofDays(3),
        always.workingTimeBetween(saturdayNight, saturdayNight.plus(Duration.ofDays(3))));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> WorkingPeriod.of("17:00", "09:00"));
    assertThrows(
        IllegalArgumentException.class,
        () -> calendar.addWorkingTime(Instant.EPOCH, Duration.ofHours(-1)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            calendar.withSpecialDays(
                Set.of(LocalDate.parse("2026-01-04")), Set.of(LocalDate.parse("2026-01-04"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new BusinessCalendar(
                SHANGHAI,
                Map.of(
                    DayOfWeek.MONDAY,
                    List.of(
                        WorkingPeriod.of("09:00", "12:00"), WorkingPeriod.of("11:00", "13:00"))),
                List.of(),
                Set.of(),
                Set.of()));
    BusinessCalendar never =
        new BusinessCalendar(SHANGHAI, Map.of(), List.of(), Set.of(), Set.of());
    assertThrows(
        IllegalStateException.class,
        () -> never.addWorkingTime(Instant.EPOCH, Duration.ofHours(1)));
  }
}

package bank.complaints.sla;

import static bank.complaints.calendar.ChinaMainland2026.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.calendar.BusinessCalendar;
import bank.complaints.calendar.ChinaMainland2026;
import bank.complaints.common.RuleViolationException;
import bank.complaints.grading.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlaClockTest {

  private final BusinessCalendar calendar = ChinaMainland2026.calendar();

  private static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  private static final List<EscalationStep> WORKING_LADDER =
      List.of(
          new EscalationStep(Recipient.OWNER, Allowance.parse("PT0S")),
          new EscalationStep(Recipient.SUPERVISOR, Allowance.parse("PT4H")),
          new EscalationStep(Recipient.DEPARTMENT_HEAD, Allowance.parse("P1D")),
          new EscalationStep(Recipient.HEAD_OFFICE_COMPLAINT_OFFICE, Allowance.parse("P2D")));

  private static SlaPolicy investigation(Severity severity) {
    return new SlaPolicy(
        SlaStage.INVESTIGATION,
        severity,
        Measure.WORKING_TIME,
        Allowance.parse("P3D"),
        new BigDecimal("0.75"),
        Allowance.parse("P2D"),
        WORKING_LADDER);
  }

  private static SlaPolicy contact() {
    return new SlaPolicy(
        SlaStage.CUSTOMER_CONTACT,
        Severity.GREEN,
        Measure.CALENDAR_TIME,
        Allowance.parse("PT24H"),
        new BigDecimal("0.75"),
        null,
        List.of(
            new EscalationStep(Recipient.OWNER, Allowance.parse("PT0S")),
            new EscalationStep(Recipient.SUPERVISOR, Allowance.parse("PT4H"))));
  }

  /** Fires everything due up to {@code until}, as a scanner running all along would. */
  private static List<SlaAlert> runUntil(
      SlaClock clock, Instant until, SlaPolicy policy, BusinessCalendar calendar) {
    List<SlaAlert> alerts = new ArrayList<>();
    Optional<Instant> next;
    while ((next = clock.nextAction()).isPresent() && !next.get().isAfter(until)) {
      clock.fire(next.get(), policy.severity(), policy, calendar).ifPresent(alerts::add);
    }
    return alerts;
  }

  @Test
  @DisplayName(
      "R-F2 R-P1 a general investigation is due after 3 working days, warned at 75 %, then climbs the whole ladder")
  void warningThenLadder() {
    SlaPolicy policy = investigation(Severity.GREEN);
    SlaClock clock = SlaClock.start(1, policy, shanghai("2026-03-02T10:00"), calendar);
    assertEquals(shanghai("2026-03-05T10:00"), clock.dueAt());
    // 75 % of 24 working hours = 18 h: Monday 10:00 + 18 working hours = Wednesday 12:00.
    assertEquals(shanghai("2026-03-04T12:00"), clock.nextAction().orElseThrow());

    List<SlaAlert> alerts = runUntil(clock, shanghai("2026-03-31T00:00"), policy, calendar);

    assertEquals(5, alerts.size());
    assertEquals(SlaAlert.Kind.WARNING, alerts.get(0).kind());
    assertEquals(Recipient.OWNER, alerts.get(0).recipient());
    assertEquals(
        List.of(
            Recipient.OWNER,
            Recipient.SUPERVISOR,
            Recipient.DEPARTMENT_HEAD,
            Recipient.HEAD_OFFICE_COMPLAINT_OFFICE),
        alerts.subList(1, 5).stream().map(SlaAlert::recipient).toList());
    assertEquals(
        List.of(
            shanghai("2026-03-05T10:00"),
            shanghai("2026-03-05T14:00"),
            shanghai("2026-03-06T10:00"),
            shanghai("2026-03-09T10:00")),
        alerts.subList(1, 5).stream().map(SlaAlert::scheduledFor).toList(),
        "each rung after the breach, in working time: the top one skips the weekend");
    assertEquals(List.of(1, 2, 3, 4), alerts.subList(1, 5).stream().map(SlaAlert::level).toList());
    assertTrue(clock.nextAction().isEmpty(), "nothing after the top of the ladder");
  }

  @Test
  @DisplayName(
      "R-G1 regraded to Red, a running clock takes the stricter deadline from its own start; never a later one, nor after a breach")
  void regradeRetimesToTheStricterDeadline() {
    SlaPolicy yellow = investigation(Severity.YELLOW);
    SlaPolicy red =
        new SlaPolicy(
            SlaStage.INVESTIGATION,
            Severity.RED,
            Measure.CALENDAR_TIME,
            Allowance.parse("PT24H"),
            new BigDecimal("0.75"),
            null,
            WORKING_LADDER);
    SlaClock clock = SlaClock.start(1, yellow, shanghai("2026-03-02T10:00"), calendar);
    assertEquals(shanghai("2026-03-05T10:00"), clock.dueAt());
    assertTrue(clock.retime(red, false, calendar));
    assertEquals(shanghai("2026-03-03T10:00"), clock.dueAt(), "24 calendar hours from the start");
    assertEquals(shanghai("2026-03-03T04:00"), clock.nextAction().orElseThrow(), "warned at 75 %");
    assertFalse(
        clock.retime(yellow, false, calendar), "back to a milder grade: the promise stands");
    assertEquals(shanghai("2026-03-03T10:00"), clock.dueAt());

    // An approved extension still counts after a regrade: one working day, its 8 working hours.
    SlaClock extended = SlaClock.start(2, yellow, shanghai("2026-03-02T10:00"), calendar);
    extended.extend(Allowance.parse("P1D"), shanghai("2026-03-02T11:00"), yellow, calendar);
    assertTrue(extended.retime(red, false, calendar));
    assertEquals(shanghai("2026-03-03T18:00"), extended.dueAt());

    // A breached clock stays breached where it was.
    SlaClock breached = SlaClock.start(3, yellow, shanghai("2026-03-02T10:00"), calendar);
    runUntil(breached, shanghai("2026-03-05T10:00"), yellow, calendar);
    assertFalse(breached.retime(red, false, calendar));
    assertEquals(shanghai("2026-03-05T10:00"), breached.dueAt());
  }

  @Test
  @DisplayName("R-P1 an alert is decided once: firing again at the same instant raises nothing")
  void firesOnce() {
    SlaPolicy policy = contact();
    Instant start = shanghai("2026-03-02T10:00");
    SlaClock clock = SlaClock.start(1, policy, start, calendar);
    Instant warnAt = start.plus(Duration.ofHours(18));
    assertTrue(clock.fire(warnAt, Severity.GREEN, policy, calendar).isPresent());
    assertTrue(clock.fire(warnAt, Severity.GREEN, policy, calendar).isEmpty());
    assertTrue(clock.fire(warnAt.minusSeconds(1), Severity.GREEN, policy, calendar).isEmpty());
  }

  @Test
  @DisplayName(
      "R-I7 R-CAL the 24 h contact clock is calendar time and may escalate at night; a stopped clock never alerts")
  void calendarClockAndStop() {
    SlaPolicy policy = contact();
    Instant start = shanghai("2026-03-06T20:00"); // Friday evening
    SlaClock clock = SlaClock.start(1, policy, start, calendar);
    assertEquals(shanghai("2026-03-07T20:00"), clock.dueAt(), "Saturday, not Monday");
    List<SlaAlert> alerts = runUntil(clock, shanghai("2026-03-08T01:00"), policy, calendar);
    assertEquals(3, alerts.size());
    assertEquals(shanghai("2026-03-08T00:00"), alerts.get(2).scheduledFor());

    SlaClock stopped = SlaClock.start(2, policy, start, calendar);
    stopped.stop(start.plusSeconds(60));
    assertTrue(stopped.nextAction().isEmpty());
    assertTrue(
        stopped.fire(shanghai("2026-03-09T00:00"), Severity.GREEN, policy, calendar).isEmpty());
  }

  @Test
  @DisplayName(
      "R-F2 R-CAL paused time does not count: two working days waiting for the customer move the deadline by two working days")
  void pauseExcludesTime() {
    SlaPolicy policy = investigation(Severity.GREEN);
    SlaClock clock = SlaClock.start(1, policy, shanghai("2026-03-02T10:00"), calendar);
    clock.pause(shanghai("2026-03-03T10:00"), calendar); // 8 working hours used, 16 left
    assertTrue(clock.nextAction().isEmpty(), "no alerts while paused");
    assertEquals(SlaClock.State.PAUSED, clock.state());
    clock.resume(shanghai("2026-03-05T10:00"), policy, calendar);
    assertEquals(shanghai("2026-03-09T10:00"), clock.dueAt(), "Thursday + 16 h = Monday");
    assertEquals(Duration.ofHours(16), clock.pausedTotal());
    assertEquals(shanghai("2026-03-06T12:00"), clock.nextAction().orElseThrow(), "warning moved");
  }

  @Test
  @DisplayName(
      "R-F2 an approved extension moves the deadline by working days, up to the policy's limit, and only before the breach")
  void extensionWithinLimit() {
    SlaPolicy policy = investigation(Severity.GREEN);
    SlaClock clock = SlaClock.start(1, policy, shanghai("2026-03-02T10:00"), calendar);
    clock.extend(Allowance.parse("P1D"), shanghai("2026-03-03T10:00"), policy, calendar);
    assertEquals(shanghai("2026-03-06T10:00"), clock.dueAt());
    RuleViolationException tooFar =
        assertThrows(
            RuleViolationException.class,
            () ->
                clock.extend(
                    Allowance.parse("P2D"), shanghai("2026-03-03T11:00"), policy, calendar));
    assertTrue(tooFar.getMessage().contains("P2D"), tooFar.getMessage());
    clock.extend(Allowance.parse("P1D"), shanghai("2026-03-03T11:00"), policy, calendar);
    assertEquals(shanghai("2026-03-09T10:00"), clock.dueAt(), "Friday + 1 working day = Monday");

    SlaClock late = SlaClock.start(2, policy, shanghai("2026-03-02T10:00"), calendar);
    assertThrows(
        RuleViolationException.class,
        () -> late.extend(Allowance.parse("P1D"), shanghai("2026-03-05T11:00"), policy, calendar));

    SlaPolicy red =
        new SlaPolicy(
            SlaStage.INVESTIGATION,
            Severity.RED,
            Measure.CALENDAR_TIME,
            Allowance.parse("P1D"),
            new BigDecimal("0.75"),
            null,
            WORKING_LADDER);
    SlaClock urgent = SlaClock.start(3, red, shanghai("2026-03-02T10:00"), calendar);
    assertThrows(
        RuleViolationException.class,
        () -> urgent.extend(Allowance.parse("PT1H"), shanghai("2026-03-02T11:00"), red, calendar));
  }

  @Test
  @DisplayName(
      "R-P1 R-CAL a working-time alert found late at 03:00 waits for 09:00, unless the case is Red")
  void noAlertsAtThreeInTheMorning() {
    SlaPolicy green = investigation(Severity.GREEN);
    SlaClock clock = SlaClock.start(1, green, shanghai("2026-03-02T10:00"), calendar);
    assertEquals(shanghai("2026-03-04T12:00"), clock.nextAction().orElseThrow());
    Instant threeAm = shanghai("2026-03-05T03:00"); // the server was down until then
    assertTrue(clock.fire(threeAm, Severity.GREEN, green, calendar).isEmpty());
    assertEquals(shanghai("2026-03-05T09:00"), clock.nextAction().orElseThrow());
    SlaAlert warning =
        clock.fire(shanghai("2026-03-05T09:00"), Severity.GREEN, green, calendar).orElseThrow();
    assertEquals(SlaAlert.Kind.WARNING, warning.kind());
    assertEquals(shanghai("2026-03-05T09:00"), warning.scheduledFor(), "held to 09:00");

    SlaPolicy red = investigation(Severity.RED);
    SlaClock urgent = SlaClock.start(2, red, shanghai("2026-03-02T10:00"), calendar);
    assertTrue(urgent.fire(threeAm, Severity.RED, red, calendar).isPresent());

    // On time, an alert due at the end of a working day goes out then, though 17:00 has passed.
    SlaClock endOfDay = SlaClock.start(3, green, shanghai("2026-03-02T17:00"), calendar);
    assertEquals(shanghai("2026-03-05T17:00"), endOfDay.dueAt());
    endOfDay.fire(shanghai("2026-03-05T11:00"), Severity.GREEN, green, calendar).orElseThrow();
    Instant justAfter = shanghai("2026-03-05T17:00:00.300");
    assertFalse(calendar.isWorkingTime(justAfter));
    SlaAlert breach = endOfDay.fire(justAfter, Severity.GREEN, green, calendar).orElseThrow();
    assertEquals(SlaAlert.Kind.ESCALATION, breach.kind());
  }

  @Test
  @DisplayName("R-CAL allowances read as ISO-8601 days and time, and print back the same")
  void allowanceText() {
    for (String text : List.of("P2D", "PT24H", "P1DT4H", "PT5S", "PT0S", "PT30M")) {
      assertEquals(text, Allowance.parse(text).toString());
    }
    assertEquals(Duration.ofHours(16), Allowance.parse("P2D").in(Measure.WORKING_TIME, calendar));
    assertEquals(Duration.ofHours(48), Allowance.parse("P2D").in(Measure.CALENDAR_TIME, calendar));
    for (String bad : List.of("", "P", "2D", "P-1D", "PT", "P1W", "PT1H2D")) {
      assertThrows(IllegalArgumentException.class, () -> Allowance.parse(bad), bad);
    }
  }
}

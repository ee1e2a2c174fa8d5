package bank.complaints.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.sla.SlaStage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-M1, R-M4: what one complaint's rows contribute, by the definitions in {@link CaseFacts}. */
class CaseFactsTest {

  private static final ZoneId BANK = ZoneId.of("Asia/Shanghai");
  private static final Instant RECEIVED = Instant.parse("2026-09-30T16:30:00Z");

  @Test
  @DisplayName("R-M1 a case counts on the bank's day it was received, not the UTC day")
  void countsOnTheBanksDay() {
    CaseFacts facts = CaseFacts.derive(rows(null, 0, List.of(), List.of()), BANK);
    assertEquals(LocalDate.of(2026, 10, 1), facts.day());
    assertFalse(facts.concluded());
    assertNull(facts.handlingSeconds());
    assertNull(facts.handlingHours());
    assertFalse(facts.firstContact(), "an open case is not resolved at first contact");
    assertEquals("-", facts.employeeId());
  }

  @Test
  @DisplayName(
      "R-M4 handling time runs to the conclusion; hours, then days beyond three, round up; a reopened case is not"
          + " a first-contact resolution")
  void handlingAndFirstContact() {
    Instant closed = RECEIVED.plusSeconds(2 * 3600 + 1);
    CaseFacts first = CaseFacts.derive(rows(closed, 0, List.of(), List.of()), BANK);
    assertEquals(7201L, first.handlingSeconds());
    assertEquals(3, first.handlingHours());
    assertTrue(first.firstContact());
    CaseFacts exactlyThreeDays =
        CaseFacts.derive(rows(RECEIVED.plusSeconds(72 * 3600), 0, List.of(), List.of()), BANK);
    assertEquals(72, exactlyThreeDays.handlingHours(), "hours up to three days");
    CaseFacts longer =
        CaseFacts.derive(rows(RECEIVED.plusSeconds(72 * 3600 + 1), 0, List.of(), List.of()), BANK);
    assertEquals(96, longer.handlingHours(), "whole days beyond: 3 days and a second is 4 days");
    CaseFacts reopened = CaseFacts.derive(rows(closed, 1, List.of(), List.of()), BANK);
    assertFalse(reopened.firstContact());
    assertTrue(reopened.escalated(), "reopening escalates");
  }

  @Test
  @DisplayName(
      "R-M1 satisfaction is the latest follow-up answer; a dissatisfied one gives its reason")
  void latestAnswerCounts() {
    List<CaseFacts.FollowUp> calls =
        List.of(
            new CaseFacts.FollowUp("SATISFIED", true, "好", RECEIVED.plusSeconds(100)),
            new CaseFacts.FollowUp(
                "DISSATISFIED", false, " 太慢 " + "x".repeat(300), RECEIVED.plusSeconds(200)));
    CaseFacts facts = CaseFacts.derive(rows(null, 0, List.of(), calls), BANK);
    assertEquals("DISSATISFIED", facts.satisfaction());
    assertEquals(Boolean.FALSE, facts.problemSolved(), "R-F8 the latest call's solved answer");
    assertFalse(facts.satisfied());
    assertEquals(CaseFacts.REASON_LENGTH, facts.reason().length());
    assertTrue(facts.reason().startsWith("太慢 "));
    assertEquals(Set.of(facts.reason()), facts.memberships().get(Dimension.REASON));

    CaseFacts withNumber =
        CaseFacts.derive(
            rows(
                null,
                0,
                List.of(),
                List.of(new CaseFacts.FollowUp("DISSATISFIED", null, "请回电 13812345678", RECEIVED))),
            BANK);
    assertEquals("请回电 *******5678", withNumber.reason(), "R-S2: a number in a note is masked");
    assertEquals(null, withNumber.problemSolved(), "a call recorded before R-F8 asked it");
  }

  @Test
  @DisplayName(
      "R-M4 on time per stage: escalated or stopped late is late; all stopped in time, or"
          + " stopped while paused, is on time; a running clock is undecided")
  void onTimePerStage() {
    Instant due = RECEIVED.plusSeconds(3600);
    List<CaseFacts.Clock> clocks =
        List.of(
            clock(SlaStage.REGISTRATION, "STOPPED", due, due.minusSeconds(1), null, 0),
            clock(SlaStage.CUSTOMER_CONTACT, "STOPPED", due, due.plusSeconds(1), null, 0),
            clock(SlaStage.INVESTIGATION_START, "STOPPED", due, due.plusSeconds(99), 5_000L, 0),
            clock(SlaStage.FIRST_FINDINGS, "RUNNING", due, null, null, 0),
            clock(SlaStage.INVESTIGATION, "RUNNING", due, null, null, 1),
            clock(SlaStage.APPROVAL, "STOPPED", due, due, null, 0),
            clock(SlaStage.APPROVAL, "RUNNING", due, null, null, 0));
    CaseFacts facts = CaseFacts.derive(rows(null, 0, clocks, List.of()), BANK);
    Map<SlaStage, Boolean> onTime = facts.onTime();
    assertEquals(true, onTime.get(SlaStage.REGISTRATION));
    assertEquals(false, onTime.get(SlaStage.CUSTOMER_CONTACT));
    assertEquals(true, onTime.get(SlaStage.INVESTIGATION_START));
    assertNull(onTime.get(SlaStage.FIRST_FINDINGS));
    assertEquals(false, onTime.get(SlaStage.INVESTIGATION));
    assertNull(onTime.get(SlaStage.APPROVAL), "one of its clocks still runs");
    assertTrue(facts.escalated());
    assertEquals("101-0------", facts.onTimeCode());
    assertEquals(onTime, CaseFacts.onTimeOf(facts.onTimeCode()));
    // Codes stored before the regulator's and the overall clocks were added still read.
    assertEquals(onTime, CaseFacts.onTimeOf("101-0----"));
  }

  private static CaseFacts.Clock clock(
      SlaStage stage, String state, Instant due, Instant stopped, Long remaining, int escalations) {
    return new CaseFacts.Clock(stage, state, due, stopped, remaining, escalations);
  }

  private static CaseFacts.Rows rows(
      Instant concluded,
      int reopened,
      List<CaseFacts.Clock> clocks,
      List<CaseFacts.FollowUp> followUps) {
    return new CaseFacts.Rows(
        7L,
        RECEIVED,
        "MOBILE_APP",
        "FEES",
        "GREEN",
        "CARDS",
        null,
        null,
        reopened,
        false,
        false,
        concluded,
        clocks,
        followUps,
        Set.of("OTHER"));
  }
}

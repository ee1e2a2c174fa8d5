package bank.complaints.statistics;

import bank.complaints.privacy.Masking;
import bank.complaints.sla.SlaStage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * R-M1, R-M4: what one complaint contributes to the statistics, derived from its rows. The
 * definitions, in one place:
 *
 * <ul>
 *   <li>the case counts on the bank's calendar day it was received;
 *   <li><b>concluded</b>: closed after the follow-up call, or referred outside the bank (R-X3);
 *       handling time runs from receipt to that moment;
 *   <li><b>first-contact resolution</b>: concluded without ever being reopened (R-F6, R-F8);
 *   <li><b>satisfaction</b>: the customer's answer on the latest follow-up call (R-F8); satisfied
 *       and basically satisfied count as satisfied (basically satisfied also on its own), and a
 *       dissatisfied answer's outcome is its reason;
 *   <li><b>problem solved</b>: the latest follow-up call's answer to "is the problem really
 *       solved?" (R-F8), where it was asked;
 *   <li><b>escalated</b>: a missed deadline was escalated, the case was reopened (which escalates
 *       it), or it became supervisor-led as a repeat (R-X1);
 *   <li><b>repeat</b>: linked to an earlier complaint by the same customer (R-X1);
 *   <li><b>on time</b>, per stage: late once an escalation went out or a clock stopped after its
 *       deadline; on time when every clock of the stage stopped within it (a clock stopped while
 *       paused had time left); undecided while a clock runs within its deadline or is paused.
 * </ul>
 */
public record CaseFacts(
    long complaintId,
    LocalDate day,
    String channel,
    String category,
    String severity,
    String department,
    String employeeId,
    String employeeName,
    SortedSet<String> causeTags,
    boolean concluded,
    Long handlingSeconds,
    boolean firstContact,
    String satisfaction,
    Boolean problemSolved,
    String reason,
    boolean escalated,
    boolean repeat,
    Map<SlaStage, Boolean> onTime) {

  /** The longest reason kept (the outcome text is cut there). */
  public static final int REASON_LENGTH = 200;

  /** A complaint's own columns and the rows that belong to it. */
  public record Rows(
      long complaintId,
      Instant receivedAt,
      String channel,
      String category,
      String severity,
      String department,
      String employeeId,
      String employeeName,
      int reopenCount,
      boolean repeat,
      boolean supervisorLed,
      Instant concludedAt,
      List<Clock> clocks,
      List<FollowUp> followUps,
      Set<String> causeTags) {}

  /** One SLA clock of the case. */
  public record Clock(
      SlaStage stage,
      String state,
      Instant dueAt,
      Instant stoppedAt,
      Long remainingMillis,
      int escalationsSent) {

    boolean late() {
      return escalationsSent > 0
          || ("STOPPED".equals(state) && remainingMillis == null && stoppedAt.isAfter(dueAt));
    }

    boolean stopped() {
      return "STOPPED".equals(state);
    }
  }

  /** A completed follow-up call: the customer's answer and what was said. */
  public record FollowUp(
      String satisfaction, Boolean problemSolved, String outcome, Instant completedAt) {}

  public static CaseFacts derive(Rows rows, ZoneId bankZone) {
    boolean concluded = rows.concludedAt() != null;
    Long handling =
        concluded ? Duration.between(rows.receivedAt(), rows.concludedAt()).toSeconds() : null;
    Optional<FollowUp> last =
        rows.followUps().stream().max(Comparator.comparing(FollowUp::completedAt));
    String satisfaction = last.map(FollowUp::satisfaction).orElse(null);
    Boolean problemSolved = last.map(FollowUp::problemSolved).orElse(null);
    String reason =
        last.filter(f -> "DISSATISFIED".equals(f.satisfaction()))
            .map(f -> cut(f.outcome()))
            .orElse(null);
    boolean escalated =
        rows.reopenCount() > 0
            || rows.supervisorLed()
            || rows.clocks().stream().anyMatch(c -> c.escalationsSent() > 0);
    Map<SlaStage, Boolean> onTime = new EnumMap<>(SlaStage.class);
    for (SlaStage stage : SlaStage.values()) {
      List<Clock> clocks = rows.clocks().stream().filter(c -> c.stage() == stage).toList();
      if (clocks.stream().anyMatch(Clock::late)) {
        onTime.put(stage, false);
      } else if (!clocks.isEmpty() && clocks.stream().allMatch(Clock::stopped)) {
        onTime.put(stage, true);
      }
    }
    return new CaseFacts(
        rows.complaintId(),
        rows.receivedAt().atZone(bankZone).toLocalDate(),
        rows.channel(),
        rows.category(),
        rows.severity(),
        orNone(rows.department()),
        orNone(rows.employeeId()),
        rows.employeeName() == null ? Dimension.NONE : rows.employeeName(),
        new TreeSet<>(rows.causeTags()),
        concluded,
        handling,
        concluded && rows.reopenCount() == 0,
        satisfaction,
        problemSolved,
        reason,
        escalated,
        rows.repeat(),
        onTime);
  }

  public boolean satisfied() {
    return "SATISFIED".equals(satisfaction) || "BASICALLY_SATISFIED".equals(satisfaction);
  }

  /**
   * Handling time as the percentiles count it, in hours: whole hours (rounded up) up to three days,
   * whole days (rounded up) beyond. Management reads "p90: 5 days", and the coarser unit keeps a
   * day's histogram to a few dozen rows per key.
   */
  public Integer handlingHours() {
    if (handlingSeconds == null) {
      return null;
    }
    long hours = (handlingSeconds + 3599) / 3600;
    return (int) (hours <= HOURLY_UP_TO ? hours : (handlingSeconds + 86_399) / 86_400 * 24);
  }

  /** Up to this many hours, the percentiles' unit is the hour; beyond, the day. */
  public static final int HOURLY_UP_TO = 72;

  /** The per-stage results as stored: one character per stage, 1, 0 or - (undecided). */
  public String onTimeCode() {
    StringBuilder code = new StringBuilder();
    for (SlaStage stage : SlaStage.values()) {
      Boolean value = onTime.get(stage);
      code.append(value == null ? '-' : value ? '1' : '0');
    }
    return code.toString();
  }

  public static Map<SlaStage, Boolean> onTimeOf(String code) {
    Map<SlaStage, Boolean> onTime = new EnumMap<>(SlaStage.class);
    SlaStage[] stages = SlaStage.values();
    for (int i = 0; i < stages.length && i < code.length(); i++) {
      char c = code.charAt(i);
      if (c != '-') {
        onTime.put(stages[i], c == '1');
      }
    }
    return onTime;
  }

  /** The keys this case counts under, per dimension. */
  public Map<Dimension, Set<String>> memberships() {
    Map<Dimension, Set<String>> keys = new EnumMap<>(Dimension.class);
    keys.put(Dimension.ALL, Set.of(Dimension.NONE));
    keys.put(Dimension.DEPARTMENT, Set.of(department));
    keys.put(Dimension.EMPLOYEE, Set.of(employeeId));
    keys.put(Dimension.CATEGORY, Set.of(category));
    keys.put(Dimension.CHANNEL, Set.of(channel));
    keys.put(Dimension.SEVERITY, Set.of(severity));
    keys.put(Dimension.CAUSE_TAG, causeTags);
    keys.put(Dimension.REASON, reason == null ? Set.of() : Set.of(reason));
    return keys;
  }

  /** The label a key is shown with (the employee's name; otherwise the key). */
  public String label(Dimension dimension, String key) {
    return dimension == Dimension.EMPLOYEE ? employeeName : key;
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? Dimension.NONE : value;
  }

  /** The reason as reports show it: numbers a caller noted down are masked (R-S2), then cut. */
  private static String cut(String outcome) {
    String text =
        outcome == null || outcome.isBlank() ? "(none given)" : Masking.numbersIn(outcome.strip());
    return text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH);
  }
}

package bank.complaints.statistics;

import bank.complaints.sla.SlaStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The additive figures kept per day and key (the columns of {@code stat_day}, in this order): the
 * counts every indicator is a ratio of.
 */
final class Measures {

  static final int CASES = 0;
  static final int CONCLUDED = 1;
  static final int HANDLING_SECONDS = 2;
  static final int FIRST_CONTACT = 3;
  static final int ANSWERED = 4;
  static final int SATISFIED = 5;
  static final int ESCALATED = 6;
  static final int REPEATS = 7;
  static final int BASICALLY_SATISFIED = 8;
  static final int SOLVED_ASKED = 9;
  static final int SOLVED = 10;
  private static final int STAGES_FROM = 11;

  static final List<String> COLUMNS = columns();

  private Measures() {}

  /** The column counting the stage's decided clocks. */
  static int measured(SlaStage stage) {
    return STAGES_FROM + 2 * stage.ordinal();
  }

  /** The column counting the stage's clocks decided on time. */
  static int onTime(SlaStage stage) {
    return measured(stage) + 1;
  }

  static long[] of(CaseFacts facts) {
    long[] v = new long[COLUMNS.size()];
    v[CASES] = 1;
    v[CONCLUDED] = facts.concluded() ? 1 : 0;
    v[HANDLING_SECONDS] = facts.handlingSeconds() == null ? 0 : facts.handlingSeconds();
    v[FIRST_CONTACT] = facts.firstContact() ? 1 : 0;
    v[ANSWERED] = facts.satisfaction() == null ? 0 : 1;
    v[SATISFIED] = facts.satisfied() ? 1 : 0;
    v[ESCALATED] = facts.escalated() ? 1 : 0;
    v[REPEATS] = facts.repeat() ? 1 : 0;
    v[BASICALLY_SATISFIED] = "BASICALLY_SATISFIED".equals(facts.satisfaction()) ? 1 : 0;
    v[SOLVED_ASKED] = facts.problemSolved() == null ? 0 : 1;
    v[SOLVED] = Boolean.TRUE.equals(facts.problemSolved()) ? 1 : 0;
    facts
        .onTime()
        .forEach(
            (stage, onTime) -> {
              v[measured(stage)] = 1;
              v[onTime(stage)] = onTime ? 1 : 0;
            });
    return v;
  }

  private static List<String> columns() {
    List<String> columns =
        new ArrayList<>(
            List.of(
                "cases",
                "concluded",
                "handling_seconds",
                "first_contact",
                "answered",
                "satisfied",
                "escalated",
                "repeats",
                "basically_satisfied",
                "solved_asked",
                "solved"));
    for (SlaStage stage : SlaStage.values()) {
      String name = stage.name().toLowerCase(Locale.ROOT);
      columns.add("m_" + name);
      columns.add("ok_" + name);
    }
    return List.copyOf(columns);
  }
}

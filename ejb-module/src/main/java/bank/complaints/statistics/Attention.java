package bank.complaints.statistics;

import java.time.Instant;
import java.util.List;

/**
 * The cases that need a manager's eye now: a running deadline already missed (breached) or past its
 * warning (at risk), earliest deadline first.
 */
public record Attention(long breached, long atRisk, List<Item> cases) {

  public enum State {
    BREACHED,
    AT_RISK
  }

  public record Item(
      String number,
      String severity,
      String department,
      String stage,
      Instant dueAt,
      State state) {}
}

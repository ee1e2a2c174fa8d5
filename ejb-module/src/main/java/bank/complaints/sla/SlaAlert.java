package bank.complaints.sla;

import java.time.Instant;

/**
 * A warning before a deadline or an escalation after it, as the clock decided it: level 0 is the
 * warning to the owner, levels 1… the rungs of the ladder.
 */
public record SlaAlert(
    Kind kind,
    int level,
    Recipient recipient,
    SlaStage stage,
    Instant scheduledFor,
    Instant dueAt) {

  /** Before or after the breach. */
  public enum Kind {
    WARNING,
    ESCALATION
  }
}

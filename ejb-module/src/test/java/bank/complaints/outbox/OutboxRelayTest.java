package bank.complaints.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

  private static final Instant COMMITTED = Instant.parse("2026-12-07T06:30:00Z");

  private final OutboxRelay relay = new OutboxRelay();

  @AfterEach
  void releaseWhatATestHeld() {
    OutboxRelay.release();
  }

  @Test
  @DisplayName(
      "R-F1, issue 18: the rows a request's transactions commit are held for its thread, with"
          + " their commit time, until it lets go of them once")
  void rowsCommittedOnAHoldingThreadAreHeldForIt() {
    relay.clock = Clock.fixed(COMMITTED, ZoneOffset.UTC);
    OutboxMessage task = row("complaints.tasks.CSC");
    OutboxMessage notice = row("complaints.notifications");

    OutboxRelay.hold();
    relay.committed(List.of(task), false);
    relay.committed(List.of(notice), false);

    assertEquals(List.of(task, notice), OutboxRelay.release());
    assertEquals(COMMITTED, task.committedAt().orElseThrow());
    assertEquals(COMMITTED, notice.committedAt().orElseThrow());
    assertTrue(OutboxRelay.release().isEmpty(), "released once: nothing is held any more");
  }

  private static OutboxMessage row(String destination) {
    return OutboxMessage.of(
        new OutgoingMessage(destination, "TaskMessage", 1, "C1", "{}"), COMMITTED.minusMillis(3));
  }
}

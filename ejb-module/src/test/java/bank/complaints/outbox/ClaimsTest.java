package bank.complaints.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClaimsTest {

  private static final Instant WRITTEN = Instant.parse("2026-12-04T05:00:00Z");

  @Test
  @DisplayName(
      "ADR 0003: a message written is its writer's to send from the start, and no longer once"
          + " less than the longest broker call is left of the writer's minute")
  void theWriterSendsWhileItsClaimLeavesTimeForACall() {
    OutboxMessage row =
        OutboxMessage.of(
            new OutgoingMessage("complaints.tasks.CSC", "TaskMessage", 1, "C1", "{}"), WRITTEN);
    assertTrue(row.maySend(WRITTEN));
    assertTrue(row.maySend(WRITTEN.plus(Claims.WRITER).minus(Claims.LAST_CALL).minusMillis(1)));
    assertFalse(row.maySend(WRITTEN.plus(Claims.WRITER).minus(Claims.LAST_CALL)));
    assertFalse(row.maySend(WRITTEN.plus(Claims.WRITER)));
  }

  @Test
  @DisplayName("ADR 0003: a row nobody has claimed is nobody's to send")
  void anUnclaimedRowIsNotSent() {
    assertFalse(Claims.maySend(null, WRITTEN));
  }

  @Test
  @DisplayName(
      "ADR 0003: the writer keeps its rows longer than a send may take, and longer than a table"
          + " read's claim")
  void theClaimsLeaveRoomForTheLongestCall() {
    assertTrue(Claims.WRITER.compareTo(Claims.READER) > 0);
    assertTrue(Claims.READER.compareTo(Claims.LAST_CALL) > 0);
    assertTrue(Claims.WRITER.minus(Claims.LAST_CALL).compareTo(OutboxPublisher.HAND_OFF) > 0);
  }
}

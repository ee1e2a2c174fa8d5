package bank.complaints.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Which server's relay may send an outbox row, and until when (ADR 0003, "Claims name their
 * server"). Two relays must never send one row at the same time: Artemis drops a message whose
 * duplicate-detection id it has already stored, but two sends of one id that overlap (a check
 * before either has stored it) both get through. So a row is always some server's to send, for a
 * time:
 *
 * <ul>
 *   <li>the server that writes it claims it in the same insert, for {@link #WRITER}: its hand-off
 *       from memory, and its own table read should that fail;
 *   <li>a server reading the table claims a batch of rows whose claim has lapsed, for {@link
 *       #READER};
 *   <li>a server's own claims never keep its own table read off a row: its drains never overlap;
 *   <li>a relay starts no broker call that could deliver a row unless the row's claim has {@link
 *       #LAST_CALL} left, longer than such a call can take; what it cannot send in time it leaves
 *       to the next claim.
 * </ul>
 */
final class Claims {

  /**
   * This server, as the claims name it: the Payara instance's name, which is unique in a domain and
   * kept across its restarts (a restarted server sends what it had claimed at once, as its own).
   */
  static final String THIS_SERVER = System.getProperty("com.sun.aas.instanceName", "server");

  /**
   * How long the server that wrote a row has it to itself. A server that crashed leaves its rows to
   * the others for this long (unless it is back sooner).
   */
  static final Duration WRITER = Duration.ofSeconds(60);

  /** How long a batch read from the table is the reading server's. */
  static final Duration READER = Duration.ofSeconds(30);

  /**
   * No send and no commit of a row starts with less of its claim left: twice the resource adapter's
   * {@code CallTimeout} (10 s, ra.xml), the longest a broker call blocks.
   */
  static final Duration LAST_CALL = Duration.ofSeconds(20);

  private Claims() {}

  /**
   * Whether the holder of a claim that runs until {@code claimedUntil} may still start sending at
   * {@code now}; a row nobody has claimed is nobody's to send.
   */
  static boolean maySend(OffsetDateTime claimedUntil, Instant now) {
    return claimedUntil != null && now.plus(LAST_CALL).isBefore(claimedUntil.toInstant());
  }
}

package bank.complaints.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * Identifiers that are UUIDs (RFC 9562 version 7) whose first 48 bits are a time in milliseconds,
 * for rows whose key is a UUID.
 *
 * <p>A random (version 4) key puts each new row's index entry on a random page of the index: under
 * load every write touches a different page, and after each checkpoint PostgreSQL writes each page
 * it touches whole into the WAL once more. Measured at a fixed 300 registrations a second
 * (docs/benchmarks.md, 2026-12-04): in the 10 s after a checkpoint the random keys of the outbox's
 * message ids and of the work tasks, and the outbox table, drew half of all full-page images. Keys
 * that grow with time are written where the last ones were.
 *
 * <p>The other 74 bits are random, from {@link UUID#randomUUID()} (a cryptographically strong
 * generator): fewer than a version-4 UUID's 122, and still far too many to guess an id from the
 * millisecond it was made in.
 */
public final class TimeOrderedIds {

  private static final long VERSION_7 = 0x7000L;

  private TimeOrderedIds() {}

  /** A new version-7 UUID for a row made at {@code at}, in its usual 36-character text. */
  public static String next(Instant at) {
    UUID random = UUID.randomUUID(); // variant bits already RFC 9562's
    long millis = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
    long high = (millis << 16) | VERSION_7 | (random.getMostSignificantBits() & 0x0FFFL);
    return new UUID(high, random.getLeastSignificantBits()).toString();
  }
}

package bank.complaints.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void anIdIsAVersion7UuidThatCarriesItsMillisecond() {
    Instant at = Instant.parse("2026-12-04T11:40:00.123Z");
    UUID id = UUID.fromString(TimeOrderedIds.next(at));
    assertEquals(7, id.version());
    assertEquals(2, id.variant());
    assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
  }

  @Test
  void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
    Instant start = Instant.parse("2026-12-04T11:40:00Z");
    String earlier = TimeOrderedIds.next(start);
    for (long ms = 1; ms < 100_000_000_000L; ms *= 7) {
      String later = TimeOrderedIds.next(start.plusMillis(ms));
      assertTrue(later.compareTo(earlier) > 0, later + " after " + earlier);
      earlier = later;
    }
  }

  @Test
  void idsOfOneMillisecondDifferInTheirRandomBits() {
    Instant at = Instant.parse("2026-12-04T11:40:00Z");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(TimeOrderedIds.next(at));
    }
    assertEquals(100_000, ids.size());
    UUID a = UUID.fromString(TimeOrderedIds.next(at));
    UUID b = UUID.fromString(TimeOrderedIds.next(at));
    assertEquals(a.getMostSignificantBits() >>> 16, b.getMostSignificantBits() >>> 16);
    assertNotEquals(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}

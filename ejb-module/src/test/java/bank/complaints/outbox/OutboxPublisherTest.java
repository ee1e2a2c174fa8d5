package bank.complaints.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxPublisherTest {

  @Test
  @DisplayName(
      "An id list is padded with its last id to the next power of two: a few statement shapes,"
          + " the same ids")
  void idListsTakeAFewShapes() {
    assertEquals(List.of(7L), OutboxPublisher.padded(List.of(7L)));
    assertEquals(List.of(7L, 8L), OutboxPublisher.padded(List.of(7L, 8L)));
    assertEquals(List.of(1L, 2L, 3L, 3L), OutboxPublisher.padded(List.of(1L, 2L, 3L)));
    assertEquals(List.of(1L, 2L, 3L, 4L), OutboxPublisher.padded(List.of(1L, 2L, 3L, 4L)));
    List<Long> batch = LongStream.rangeClosed(1, 200).boxed().toList();
    List<Long> padded = OutboxPublisher.padded(batch);
    assertEquals(256, padded.size());
    assertEquals(batch, padded.subList(0, 200));
    assertEquals(List.of(200L), padded.subList(200, 256).stream().distinct().toList());
  }
}

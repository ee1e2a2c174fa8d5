package bank.complaints.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bank.complaints.common.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-P3, ADR 0010: a search reaches its first matches only; its total is counted that far. */
class SearchWindowTest {

  private final SearchWindow window = new SearchWindow(50);

  private static List<Complaint> items(int n) {
    return Arrays.asList(new Complaint[n]); // only counted here
  }

  private static final LongSupplier NOT_COUNTED =
      () -> fail("a page that shows the end tells the total without counting");

  @Test
  @DisplayName("R-P3 a page that shows the last matches tells the total without a count")
  void lastPageTellsTheTotal() {
    ComplaintPage first = window.page(items(3), 0, 20, NOT_COUNTED);
    assertEquals(3, first.total());
    assertTrue(first.totalExact());
    ComplaintPage fifth = window.page(items(7), 4, 10, NOT_COUNTED);
    assertEquals(47, fifth.total());
    assertTrue(fifth.totalExact());
    ComplaintPage none = window.page(items(0), 0, 20, NOT_COUNTED);
    assertEquals(0, none.total());
    assertTrue(none.totalExact());
  }

  @Test
  @DisplayName("R-P3 a full page counts the matches up to the window, and says when there are more")
  void fullPageCountsUpToTheWindow() {
    ComplaintPage exact = window.page(items(20), 0, 20, () -> 41);
    assertEquals(41, exact.total());
    assertTrue(exact.totalExact());
    ComplaintPage atTheLimit = window.page(items(20), 0, 20, () -> 50);
    assertEquals(50, atTheLimit.total());
    assertTrue(atTheLimit.totalExact());
    ComplaintPage more = window.page(items(25), 1, 25, () -> 51);
    assertEquals(50, more.total());
    assertFalse(more.totalExact(), "51 counted = the count stopped past the window");
  }

  @Test
  @DisplayName("R-P3 an empty page past the end counts, not tells, the total")
  void emptyPagePastTheEndCounts() {
    AtomicInteger counts = new AtomicInteger();
    ComplaintPage past =
        window.page(
            items(0),
            2,
            10,
            () -> {
              counts.incrementAndGet();
              return 13;
            });
    assertEquals(13, past.total());
    assertEquals(1, counts.get());
  }

  @Test
  @DisplayName("R-P3 a page reaching beyond the window is refused, one inside it is not")
  void pagesLieWithinTheWindow() {
    assertEquals(40, window.offset(4, 10));
    assertEquals(25, window.offset(1, 25));
    InvalidRequestException refused =
        assertThrows(InvalidRequestException.class, () -> window.offset(5, 10));
    assertTrue(refused.getMessage().contains("first 50 matches"), refused.getMessage());
    assertThrows(InvalidRequestException.class, () -> window.offset(2, 20));
    assertThrows(InvalidRequestException.class, () -> window.offset(100_000, 100));
  }
}

package bank.complaints.complaint;

import bank.complaints.common.InvalidRequestException;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * R-P3, ADR 0010: how far a staff search reaches: its first {@code limit} matches, newest first.
 * Its pages lie within them, and its total counts matches up to the limit and says whether that was
 * all of them; a search that matches more is to be narrowed (by received days, status,
 * department…), as a person reading pages of twenty would anyway. The bound keeps every search's
 * cost bounded on a table of millions of complaints: counting every match of a broad filter read
 * all of them.
 */
public record SearchWindow(int limit) {

  public SearchWindow {
    if (limit < 1) {
      throw new IllegalArgumentException("a search window of at least one match, not " + limit);
    }
  }

  /** Where the page starts among the matches; refused when it reaches beyond the window. */
  public int offset(int page, int size) {
    long offset = (long) page * size;
    if (offset + size > limit) {
      throw new InvalidRequestException(
          "A search shows its first "
              + limit
              + " matches; page "
              + page
              + " of "
              + size
              + " lies beyond them. Narrow the search (received days, status, department…).");
    }
    return (int) offset;
  }

  /**
   * The page with its total. A page that shows the last matches tells the total by itself;
   * otherwise {@code countUpToLimitPlusOne} counts the matches, stopping after {@code limit + 1}.
   */
  public ComplaintPage page(
      List<Complaint> items, int page, int size, LongSupplier countUpToLimitPlusOne) {
    int offset = offset(page, size);
    if (items.size() < size && (!items.isEmpty() || page == 0)) {
      return new ComplaintPage(items, page, size, offset + items.size(), true);
    }
    long counted = countUpToLimitPlusOne.getAsLong();
    return new ComplaintPage(items, page, size, Math.min(counted, limit), counted <= limit);
  }
}

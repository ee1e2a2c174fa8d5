package bank.complaints.complaint;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of a row of one of a complaint's own lists ({@link ComplaintAccount}, {@link
 * ComplaintStaff}): the complaint and the row's place in the list.
 */
public class ListPosition implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long complaint;

  private int position;

  public ListPosition() {}

  ListPosition(Long complaint, int position) {
    this.complaint = complaint;
    this.position = position;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListPosition other
        && Objects.equals(complaint, other.complaint)
        && position == other.position;
  }

  @Override
  public int hashCode() {
    return Objects.hash(complaint, position);
  }
}

package bank.complaints.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A row of one of a complaint's own lists ({@link ComplaintAccount}, {@link ComplaintStaff}), keyed
 * by the complaint and the row's place in the list ({@link Key}).
 *
 * <p>Entities rather than element collections (issue 18): EclipseLink writes an element collection
 * of embeddables right after its own complaint's row, so each complaint naming a card split a
 * registration group's batch of complaint rows, two statements and round trips more. As entities
 * they are written after all of the transaction's complaints, each list in one batch.
 */
@MappedSuperclass
public abstract class ListedRow {

  @Id
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "complaint_id", updatable = false)
  private Complaint complaint;

  @Id
  @Column(name = "position", updatable = false)
  private int position;

  protected ListedRow() {}

  ListedRow(Complaint complaint, int position) {
    this.complaint = complaint;
    this.position = position;
  }

  /** One row for each value, in their order. */
  static <V, R extends ListedRow> List<R> listed(List<V> values, BiFunction<Integer, V, R> rowAt) {
    List<R> rows = new ArrayList<>(values.size());
    for (V value : values) {
      rows.add(rowAt.apply(rows.size(), value));
    }
    return rows;
  }

  /** The key of a row: its complaint's id and its place in the list. */
  public static class Key implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long complaint;

    private int position;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other
          && Objects.equals(complaint, other.complaint)
          && position == other.position;
    }

    @Override
    public int hashCode() {
      return Objects.hash(complaint, position);
    }
  }
}

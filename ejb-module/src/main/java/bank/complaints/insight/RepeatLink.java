package bank.complaints.insight;

import bank.complaints.complaint.ComplaintId;
import bank.complaints.complaint.ComplaintNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** R-X1: a complaint's place in its customer's series on one issue (2 for the first repeat). */
@Entity
@Table(name = "complaint_repeat")
public class RepeatLink {

  @Id
  @Column(name = "complaint_id")
  private long complaintId;

  /** The first complaint of the series. */
  @Column(name = "first_number", nullable = false, updatable = false)
  private String firstNumber;

  @Column(name = "place", nullable = false, updatable = false)
  private int place;

  protected RepeatLink() {}

  RepeatLink(ComplaintId complaintId, ComplaintNumber first, int place) {
    if (place < 2) {
      throw new IllegalArgumentException("a repeat is at least the second complaint");
    }
    this.complaintId = complaintId.value();
    this.firstNumber = first.value();
    this.place = place;
  }

  public long complaintId() {
    return complaintId;
  }

  public ComplaintNumber first() {
    return new ComplaintNumber(firstNumber);
  }

  public int place() {
    return place;
  }
}

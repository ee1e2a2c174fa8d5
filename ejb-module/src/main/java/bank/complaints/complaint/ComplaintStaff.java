package bank.complaints.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * R-I4: one of the staff a complaint names, as stored (a row of {@code complaint_staff}); an entity
 * for the reason {@link ComplaintAccount} gives.
 */
@Entity
@Table(name = "complaint_staff")
@IdClass(ListPosition.class)
public class ComplaintStaff {

  @Id
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "complaint_id", updatable = false)
  private Complaint complaint;

  @Id
  @Column(name = "position", updatable = false)
  private int position;

  @Embedded private InvolvedStaff staff;

  protected ComplaintStaff() {}

  private ComplaintStaff(Complaint complaint, int position, InvolvedStaff staff) {
    this.complaint = complaint;
    this.position = position;
    this.staff = staff;
  }

  /** The complaint's rows for these staff, in their order. */
  static List<ComplaintStaff> listed(Complaint complaint, List<InvolvedStaff> staff) {
    List<ComplaintStaff> rows = new ArrayList<>(staff.size());
    for (InvolvedStaff named : staff) {
      rows.add(new ComplaintStaff(complaint, rows.size(), named));
    }
    return rows;
  }

  InvolvedStaff staff() {
    return staff;
  }
}

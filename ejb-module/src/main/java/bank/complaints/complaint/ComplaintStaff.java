package bank.complaints.complaint;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.List;

/** R-I4: one of the staff a complaint names, as stored. */
@Entity
@Table(name = "complaint_staff")
@IdClass(ListedRow.Key.class)
public class ComplaintStaff extends ListedRow {

  @Embedded private InvolvedStaff staff;

  protected ComplaintStaff() {}

  private ComplaintStaff(Complaint complaint, int position, InvolvedStaff staff) {
    super(complaint, position);
    this.staff = staff;
  }

  static List<ComplaintStaff> listed(Complaint complaint, List<InvolvedStaff> staff) {
    return listed(staff, (position, named) -> new ComplaintStaff(complaint, position, named));
  }

  InvolvedStaff staff() {
    return staff;
  }
}

package bank.complaints.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * R-I4: a staff member the complaint names, by name and, where the customer or the recording staff
 * knows them, employee id and unit. R-P2 keeps a named employee off the case.
 */
@Embeddable
public class InvolvedStaff {

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "employee_id")
  private String employeeId;

  @Column(name = "unit")
  private String unit;

  protected InvolvedStaff() {}

  public InvolvedStaff(String name, String employeeId, String unit) {
    this.name = Objects.requireNonNull(name, "name");
    this.employeeId = employeeId;
    this.unit = unit;
  }

  public String name() {
    return name;
  }

  /** Null when not known. */
  public String employeeId() {
    return employeeId;
  }

  /** Null when not known. */
  public String unit() {
    return unit;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InvolvedStaff other
        && name.equals(other.name)
        && Objects.equals(employeeId, other.employeeId)
        && Objects.equals(unit, other.unit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, employeeId, unit);
  }

  @Override
  public String toString() {
    return name + (employeeId == null ? "" : " (" + employeeId + ")");
  }
}

package bank.complaints.department;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/** A department that works complaints, with the queue its tasks travel on. Kept as data. */
@Entity
@Table(name = "department")
public class Department {

  @Id
  @Column(name = "code")
  private DepartmentCode code;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "task_queue", nullable = false)
  private String taskQueue;

  /** R-I7: who owns this department's urgent cases from the first minute. */
  @Column(name = "duty_owner")
  private String dutyOwner;

  protected Department() {}

  public DepartmentCode code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String taskQueue() {
    return taskQueue;
  }

  public Optional<String> dutyOwner() {
    return Optional.ofNullable(dutyOwner);
  }

  public void setDutyOwner(String dutyOwner) {
    this.dutyOwner = dutyOwner;
  }
}

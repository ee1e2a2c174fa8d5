package bank.complaints.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}

package bank.complaints.department;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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

  /** The parts it plays in the case process. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "department_role", joinColumns = @JoinColumn(name = "department_code"))
  @Column(name = "role")
  @Enumerated(EnumType.STRING)
  private Set<DepartmentRole> roles = EnumSet.noneOf(DepartmentRole.class);

  /** R-I7: who owns this department's urgent cases from the first minute. */
  @Column(name = "duty_owner")
  private String dutyOwner;

  protected Department() {}

  /** A new department with its task queue ({@code complaints.tasks.<CODE>}). */
  public Department(DepartmentCode code, String name, Set<DepartmentRole> roles) {
    this.code = code;
    this.name = name;
    this.taskQueue = queueOf(code);
    this.roles = roles.isEmpty() ? EnumSet.noneOf(DepartmentRole.class) : EnumSet.copyOf(roles);
  }

  /** The task queue of a department: one per department, named by its code. */
  public static String queueOf(DepartmentCode code) {
    return "complaints.tasks." + code.value();
  }

  public DepartmentCode code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String taskQueue() {
    return taskQueue;
  }

  public Set<DepartmentRole> roles() {
    return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
  }

  public boolean plays(DepartmentRole role) {
    return roles.contains(role);
  }

  public void setRoles(Set<DepartmentRole> roles) {
    this.roles.clear();
    this.roles.addAll(roles);
  }

  public Optional<String> dutyOwner() {
    return Optional.ofNullable(dutyOwner);
  }

  public void setDutyOwner(String dutyOwner) {
    this.dutyOwner = dutyOwner;
  }
}

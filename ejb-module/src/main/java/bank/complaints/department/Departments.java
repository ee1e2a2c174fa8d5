package bank.complaints.department;

import bank.complaints.audit.Audited;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.NotFoundException;
import bank.complaints.common.RuleViolationException;
import bank.complaints.platform.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The bank's departments and the parts they play, as data read through the reference-data cache:
 * the one place the case process asks who is responsible for what. A part only one department plays
 * (the default, follow-up calls, result notices, repeat review) moves to the department it is given
 * to, so it is always played by exactly one.
 */
@ApplicationScoped
public class Departments {

  private static final String REFERENCE = "departments";

  @Inject EntityManager em;

  @Inject ReferenceData reference;

  /** Every department, by code. */
  public List<Department> all() {
    return reference.read(
        REFERENCE,
        () -> {
          // read-only: shared copies outside the caller's persistence context, never changed
          List<Department> all =
              em.createQuery("select d from Department d order by d.code", Department.class)
                  .setHint("eclipselink.read-only", "True")
                  .getResultList();
          all.forEach(Department::roles);
          return List.copyOf(all);
        });
  }

  public Department find(DepartmentCode code) {
    return all().stream()
        .filter(d -> d.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No department " + code.value() + "."));
  }

  /** The one department that plays a single part. */
  public Department playing(DepartmentRole role) {
    List<Department> playing = allPlaying(role);
    if (playing.size() != 1) {
      throw new IllegalStateException(
          playing.size() + " departments play " + role + "; exactly one must");
    }
    return playing.get(0);
  }

  /** The departments that play a part, by code. */
  public List<Department> allPlaying(DepartmentRole role) {
    return all().stream().filter(d -> d.plays(role)).toList();
  }

  /**
   * A new department, with its task queue, flushed: a second request for the same code waits for
   * this one's transaction and is refused (its broker queue and its system's broker user are made
   * by {@code tasks.NewDepartments} in the same transaction).
   */
  @Audited
  @Transactional
  public Department add(DepartmentCode code, String name, Set<DepartmentRole> roles) {
    if (em.find(Department.class, code) != null) {
      throw new RuleViolationException("Department " + code.value() + " exists.");
    }
    Department department = new Department(code, name, EnumSet.noneOf(DepartmentRole.class));
    em.persist(department);
    give(department, roles);
    em.flush();
    reference.changed(REFERENCE);
    return department;
  }

  /**
   * The parts a department plays from now on. A single part given to it leaves the department that
   * played it; a single part cannot be taken away (give it to another department instead).
   */
  @Audited
  @Transactional
  public Department assignRoles(DepartmentCode code, Set<DepartmentRole> roles) {
    Department department = em.find(Department.class, code);
    if (department == null) {
      throw new NotFoundException("No department " + code.value() + ".");
    }
    for (DepartmentRole kept : department.roles()) {
      if (kept.single() && !roles.contains(kept)) {
        throw new InvalidRequestException(
            code.value()
                + " is the department for "
                + kept
                + "; give "
                + kept
                + " to another department instead of taking it away.");
      }
    }
    give(department, roles);
    em.flush();
    reference.changed(REFERENCE);
    return department;
  }

  /** R-I7: who owns a department's urgent cases from now on (cases already owned keep theirs). */
  @Audited
  @Transactional
  public Department nameDutyOwner(DepartmentCode code, String owner) {
    Department department = em.find(Department.class, code);
    if (department == null) {
      throw new NotFoundException("No department " + code.value() + ".");
    }
    department.setDutyOwner(owner);
    em.flush();
    reference.changed(REFERENCE);
    return department;
  }

  private void give(Department department, Set<DepartmentRole> roles) {
    for (DepartmentRole role : roles) {
      if (role.single() && !department.plays(role)) {
        em.createQuery("select d from Department d", Department.class).getResultList().stream()
            .filter(other -> other.plays(role))
            .forEach(
                other -> {
                  Set<DepartmentRole> left = EnumSet.noneOf(DepartmentRole.class);
                  left.addAll(other.roles());
                  left.remove(role);
                  other.setRoles(left);
                });
      }
    }
    department.setRoles(roles);
  }
}

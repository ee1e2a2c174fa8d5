package bank.complaints.tasks;

import bank.complaints.department.DepartmentCode;
import java.util.Optional;

/**
 * R-S1 on the results queue: who sent a task result, as the broker authenticated them. A
 * department's system (broker user {@code <prefix><CODE>}) may report only its own department's
 * tasks; what the platform's own users send is trusted, but a dead letter they replay for
 * operations is judged as its original sender was, so that a replay never launders a refusal;
 * anyone else is refused.
 */
public record ResultSender(String user, Optional<DepartmentCode> department, boolean platform) {

  /**
   * @param user the broker-validated user ({@code _AMQ_VALIDATED_USER}), or null
   * @param originalSender on a replayed dead letter, the user who first sent it; or null
   * @param departmentPrefix e.g. {@code dept-}
   * @param platformUsers the platform's own broker users
   */
  public static ResultSender of(
      String user,
      String originalSender,
      String departmentPrefix,
      java.util.Set<String> platformUsers) {
    if (user != null && platformUsers.contains(user) && originalSender != null) {
      return of(originalSender, null, departmentPrefix, platformUsers);
    }
    if (user != null && platformUsers.contains(user)) {
      return new ResultSender(user, Optional.empty(), true);
    }
    if (user != null && user.startsWith(departmentPrefix)) {
      try {
        return new ResultSender(
            user,
            Optional.of(new DepartmentCode(user.substring(departmentPrefix.length()))),
            false);
      } catch (IllegalArgumentException notACode) {
        // refused below
      }
    }
    return new ResultSender(user, Optional.empty(), false);
  }

  /** Why this sender may not report a result for a task sent to {@code taskDepartment}, if so. */
  public Optional<String> refusal(DepartmentCode taskDepartment) {
    if (platform) {
      return Optional.empty();
    }
    if (department.isEmpty()) {
      return Optional.of("Sent by '" + user + "', which is not a department's system.");
    }
    if (!department.get().equals(taskDepartment)) {
      return Optional.of(
          "The task was sent to "
              + taskDepartment.value()
              + "; "
              + department.get().value()
              + "'s system cannot report its result.");
    }
    return Optional.empty();
  }
}

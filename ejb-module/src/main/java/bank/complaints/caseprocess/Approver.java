package bank.complaints.caseprocess;

import java.util.Objects;

/** A person deciding on a case: approver or decision maker (R-P2 looks at who they are). */
public record Approver(String name, String employeeId, String unit) {

  public Approver {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(employeeId, "employeeId");
  }

  /** As the case records who acted: {@code 李强 (E10001)}. */
  public String signature() {
    return name + " (" + employeeId + ")";
  }
}

package bank.complaints.lifecycle;

import java.util.Objects;

/** A person deciding on a case: approver or decision maker (R-P2 looks at who they are). */
public record Approver(String name, String employeeId, String unit) {

  public Approver {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(employeeId, "employeeId");
  }
}

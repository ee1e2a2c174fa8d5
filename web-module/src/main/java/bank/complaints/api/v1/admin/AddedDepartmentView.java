package bank.complaints.api.v1.admin;

import bank.complaints.tasks.NewDepartments;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department just added, with its system's broker login where the platform made one. */
@Schema(name = "AddedDepartment")
public record AddedDepartmentView(
    DepartmentView department,
    @Schema(
            description =
                "Absent where the department systems' broker users come from the bank's directory"
                    + " (complaints.broker.department-users=directory).")
        BrokerLoginView brokerLogin) {

  static AddedDepartmentView of(NewDepartments.Added added) {
    return new AddedDepartmentView(
        DepartmentView.of(added.department()), added.login().map(BrokerLoginView::of).orElse(null));
  }
}

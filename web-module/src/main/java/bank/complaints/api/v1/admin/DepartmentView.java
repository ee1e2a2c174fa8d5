package bank.complaints.api.v1.admin;

import bank.complaints.department.Department;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department as administrators see it. */
@Schema(name = "Department")
public record DepartmentView(
    @Schema(example = "CSC") String code,
    String name,
    @Schema(example = "complaints.tasks.CSC") String taskQueue,
    @Schema(
            example = "值班主管 Duty manager CSC",
            description = "R-I7: named owner of the department's urgent cases")
        String dutyOwner) {
  static DepartmentView of(Department d) {
    return new DepartmentView(
        d.code().value(), d.name(), d.taskQueue(), d.dutyOwner().orElse(null));
  }
}

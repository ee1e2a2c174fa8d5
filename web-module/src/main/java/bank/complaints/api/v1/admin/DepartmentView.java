package bank.complaints.api.v1.admin;

import bank.complaints.department.Department;
import bank.complaints.department.DepartmentRole;
import java.util.List;
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
        String dutyOwner,
    @Schema(
            description =
                "The parts it plays: DEFAULT (unrouted complaints), FOLLOW_UP (R-F8 calls),"
                    + " RESULT_NOTICE (R-F5 results told by staff), REPEAT_REVIEW (R-X1),"
                    + " TASK_FORCE (R-G1: joins a Red case led by another department)")
        List<DepartmentRole> roles) {
  static DepartmentView of(Department d) {
    return new DepartmentView(
        d.code().value(),
        d.name(),
        d.taskQueue(),
        d.dutyOwner().orElse(null),
        d.roles().stream().sorted().toList());
  }
}

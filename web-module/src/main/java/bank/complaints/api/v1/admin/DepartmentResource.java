package bank.complaints.api.v1.admin;

import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.department.DepartmentCode;
import bank.complaints.routing.Routing;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The departments that work complaints, their task queues, and who owns their urgent cases. */
@Path("v1/admin/departments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class DepartmentResource {

  @Inject Routing routing;

  @Inject RequestValidation validation;

  /** R-I7: the department's duty owner for urgent cases. */
  @Schema(name = "DutyOwnerUpdate")
  public static class DutyOwnerUpdate {
    @NotBlank
    @Size(max = 100)
    @Schema(example = "客服中心 值班经理 孙七")
    public String dutyOwner;
  }

  @GET
  @Operation(operationId = "listDepartments", summary = "The departments")
  @Allowed({Role.ADMINISTRATOR, Role.SUPERVISOR, Role.MANAGER})
  public List<DepartmentView> all() {
    return routing.departments().stream().map(DepartmentView::of).toList();
  }

  @PUT
  @Path("{code}/duty-owner")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "nameDutyOwner",
      summary = "R-I7: name who owns the department's urgent cases from now on")
  @APIResponse(
      responseCode = "404",
      description = "No such department.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public DepartmentView nameDutyOwner(@PathParam("code") String code, DutyOwnerUpdate body) {
    DutyOwnerUpdate valid = validation.valid(body);
    DepartmentCode department;
    try {
      department = new DepartmentCode(code);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No department " + code + ".");
    }
    return DepartmentView.of(routing.nameDutyOwner(department, valid.dutyOwner.strip()));
  }
}

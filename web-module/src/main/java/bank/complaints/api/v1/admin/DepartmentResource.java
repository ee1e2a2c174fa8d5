package bank.complaints.api.v1.admin;

import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.api.security.RoleGroup;
import bank.complaints.department.DepartmentCode;
import bank.complaints.department.DepartmentRole;
import bank.complaints.department.Departments;
import bank.complaints.tasks.NewDepartments;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
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

  @Inject Departments departments;

  @Inject NewDepartments newDepartments;

  /** An answer with a password in it: kept by no cache on the way. */
  private static final CacheControl NOT_STORED = notStored();

  private static CacheControl notStored() {
    CacheControl control = new CacheControl();
    control.setNoStore(true);
    control.setNoTransform(false);
    return control;
  }

  @Inject RequestValidation validation;

  /** R-I7: the department's duty owner for urgent cases. */
  @Schema(name = "DutyOwnerUpdate")
  public static class DutyOwnerUpdate {
    @NotBlank
    @Size(max = 100)
    @Schema(example = "客服中心 值班经理 孙七")
    public String dutyOwner;
  }

  /** The parts a department plays from now on. */
  @Schema(name = "DepartmentRolesUpdate")
  public static class RolesUpdate {
    @NotNull
    @Size(max = 5)
    @Schema(example = "[\"TASK_FORCE\"]")
    public Set<@NotNull DepartmentRole> roles;
  }

  /** A department that starts working complaints. */
  @Schema(name = "NewDepartment")
  public static class NewDepartment {
    @NotNull
    @jakarta.validation.constraints.Pattern(
        regexp = "[A-Z][A-Z0-9_]{1,31}",
        message = "is 2 to 32 capital letters, digits and underscores, starting with a letter")
    @Schema(example = "PRIVATE_BANKING")
    public String code;

    @NotBlank
    @Size(max = 200)
    @Schema(example = "私人银行部 Private banking")
    public String name;

    @Size(max = 5)
    @Schema(example = "[]")
    public Set<@NotNull DepartmentRole> roles;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addDepartment",
      summary = "A new department, with its task queue and its system's broker login",
      description =
          "Its queue is complaints.tasks.<code>. In the same call the platform makes the queue on"
              + " the broker with its permissions and, unless the broker's users come from the"
              + " bank's directory, the department system's broker user dept-<code> with a"
              + " password shown once in the answer (README, \"A new department\"). A broker out"
              + " of reach adds nothing. A part only one department plays moves to it.")
  @APIResponse(
      responseCode = "201",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AddedDepartmentView.class)))
  @APIResponse(
      responseCode = "409",
      description = "The department exists.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public Response add(NewDepartment body, @Context UriInfo uri) {
    NewDepartment valid = validation.valid(body);
    DepartmentCode code = new DepartmentCode(valid.code);
    AddedDepartmentView added =
        AddedDepartmentView.of(
            newDepartments.add(
                code, valid.name.strip(), valid.roles == null ? Set.of() : valid.roles));
    return Response.created(uri.getAbsolutePathBuilder().path(code.value()).build())
        .cacheControl(NOT_STORED)
        .entity(added)
        .build();
  }

  /** Why a department system's broker password is replaced (kept in the audit trail). */
  @Schema(name = "BrokerLoginRenewal")
  public static class BrokerLoginRenewal {
    @NotBlank
    @Size(max = 200)
    @Schema(example = "the department's system was moved to a new server; old password retired")
    public String reason;
  }

  @POST
  @Path("{code}/broker-login")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "renewDepartmentBrokerLogin",
      summary = "A new broker password for a department's system, shown once",
      description =
          "Replaces the password of dept-<code> on the broker (a lost or leaked one, or a broker"
              + " whose users were made anew) and makes the department's queue again if the broker"
              + " lacks it. Connections already open keep working until they close.")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BrokerLoginView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such department.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "The broker's users come from the bank's directory here.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public Response renewBrokerLogin(@PathParam("code") String code, BrokerLoginRenewal body) {
    BrokerLoginRenewal valid = validation.valid(body);
    return Response.ok(
            BrokerLoginView.of(newDepartments.newLogin(department(code), valid.reason.strip())))
        .cacheControl(NOT_STORED)
        .build();
  }

  @PUT
  @Path("{code}/roles")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "assignDepartmentRoles",
      summary = "The parts a department plays from now on",
      description =
          "A part only one department plays (DEFAULT, FOLLOW_UP, RESULT_NOTICE, REPEAT_REVIEW)"
              + " moves to this department; it cannot be taken away, only given to another.")
  @APIResponse(
      responseCode = "404",
      description = "No such department.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "A part only one department plays would be taken away.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public DepartmentView assignRoles(@PathParam("code") String code, RolesUpdate body) {
    RolesUpdate valid = validation.valid(body);
    return DepartmentView.of(departments.assignRoles(department(code), valid.roles));
  }

  @GET
  @Path("{code}")
  @Operation(operationId = "getDepartment", summary = "One department")
  @APIResponse(
      responseCode = "404",
      description = "No such department.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed(groups = RoleGroup.SETTINGS_READERS)
  public DepartmentView one(@PathParam("code") String code) {
    return DepartmentView.of(departments.find(department(code)));
  }

  private static DepartmentCode department(String code) {
    try {
      return new DepartmentCode(code);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No department " + code + ".");
    }
  }

  @GET
  @Operation(operationId = "listDepartments", summary = "The departments")
  @Allowed(groups = RoleGroup.SETTINGS_READERS)
  public List<DepartmentView> all() {
    return departments.all().stream().map(DepartmentView::of).toList();
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
    return DepartmentView.of(departments.nameDutyOwner(department(code), valid.dutyOwner.strip()));
  }
}

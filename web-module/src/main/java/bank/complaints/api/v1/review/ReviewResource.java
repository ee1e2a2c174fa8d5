package bank.complaints.api.v1.review;

import bank.complaints.api.Params;
import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Caller;
import bank.complaints.api.security.Role;
import bank.complaints.platform.BankZone;
import bank.complaints.review.ImprovementAction;
import bank.complaints.review.ManagementReview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-M3: improvement actions on the weaknesses found, with owners and due dates, until done. */
@Path("v1/improvement-actions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Management review")
public class ReviewResource {

  @Inject ManagementReview review;

  @Inject RequestValidation validation;

  @Inject Caller caller;

  @Inject Clock clock;

  @Inject @BankZone ZoneId bankZone;

  @Context UriInfo uri;

  /** A new improvement action. */
  @Schema(name = "NewImprovementAction")
  public static class NewAction {
    @NotNull
    @Schema(example = "PROCESS")
    public ImprovementAction.Area area;

    @NotBlank
    @Size(max = 2000)
    @Schema(example = "年费重复扣收占本季度投诉近三成，扣费前未校验已扣记录。")
    public String weakness;

    @NotBlank
    @Size(max = 2000)
    @Schema(example = "扣费批处理增加重复校验，并对已重复扣收的客户主动退费。")
    public String action;

    @NotBlank
    @Size(max = 200)
    @Schema(example = "信用卡中心 运营科 吴十")
    public String owner;

    @NotNull
    @Schema(example = "2027-01-31")
    public LocalDate dueOn;
  }

  /** Where an action stands now. */
  @Schema(name = "ImprovementActionStatusChange")
  public static class StatusChange {
    @NotNull
    @Schema(example = "DONE")
    public ImprovementAction.Status status;
  }

  /** An improvement action as the API shows it. */
  @Schema(name = "ImprovementAction")
  public record ActionView(
      long id,
      ImprovementAction.Area area,
      String weakness,
      String action,
      String owner,
      LocalDate dueOn,
      ImprovementAction.Status status,
      @Schema(description = "Not done by its due date") boolean overdue,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime doneAt) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createImprovementAction",
      summary = "R-M3: an improvement action on a weakness, with an owner and a due date")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it.",
      content = @Content(schema = @Schema(implementation = ActionView.class)))
  @Allowed({Role.SUPERVISOR, Role.MANAGER})
  public Response create(NewAction body) {
    NewAction valid = validation.valid(body);
    ImprovementAction created =
        review.newAction(
            valid.area,
            valid.weakness.strip(),
            valid.action.strip(),
            valid.owner.strip(),
            valid.dueOn,
            caller.signature());
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(view(created))
        .build();
  }

  @GET
  @Operation(
      operationId = "listImprovementActions",
      summary = "R-M3: the improvement actions, optionally of one status, oldest first")
  @Allowed({Role.SUPERVISOR, Role.MANAGER, Role.EXECUTIVE})
  public List<ActionView> list(@QueryParam("status") String status) {
    return review
        .actions(
            status == null
                ? null
                : Params.queryEnum("status", status, ImprovementAction.Status.class))
        .stream()
        .map(this::view)
        .toList();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getImprovementAction", summary = "R-M3: one improvement action")
  @APIResponse(
      responseCode = "404",
      description = "No such action.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.SUPERVISOR, Role.MANAGER, Role.EXECUTIVE})
  public ActionView get(@PathParam("id") String id) {
    return view(review.action(id(id)));
  }

  @PUT
  @Path("{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "moveImprovementAction",
      summary = "R-M3: an action is in progress or done (done is final)")
  @APIResponse(
      responseCode = "404",
      description = "No such action.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "Done already, or back to open.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.SUPERVISOR, Role.MANAGER})
  public ActionView move(@PathParam("id") String id, StatusChange body) {
    StatusChange valid = validation.valid(body);
    return view(review.move(id(id), valid.status));
  }

  private static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadRequestException("An improvement action's id is a number.");
    }
  }

  private ActionView view(ImprovementAction a) {
    return new ActionView(
        a.id(),
        a.area(),
        a.weakness(),
        a.action(),
        a.owner(),
        a.dueOn(),
        a.status(),
        a.overdue(LocalDate.now(clock.withZone(bankZone))),
        a.createdBy(),
        a.createdAt().atZone(bankZone).toOffsetDateTime(),
        a.doneAt().map(t -> t.atZone(bankZone).toOffsetDateTime()).orElse(null));
  }
}

package bank.complaints.api.v1.admin;

import bank.complaints.api.Params;
import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.api.security.RoleGroup;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.grading.Severity;
import bank.complaints.sla.SlaPolicies;
import bank.complaints.sla.SlaPolicy;
import bank.complaints.sla.SlaStage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The SLA policy as data (R-P1): every stage's deadline for every severity, with its warning point,
 * extension limit and escalation ladder. A change applies without a redeploy to clocks started
 * afterwards, and to the ladder of clocks already running.
 */
@Path("v1/admin/sla-policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class SlaPolicyResource {

  @Inject SlaPolicies policies;

  @Inject RequestValidation validation;

  @GET
  @Operation(operationId = "listSlaPolicies", summary = "Read the whole SLA policy")
  @Allowed(groups = RoleGroup.SETTINGS_READERS)
  public List<SlaPolicyView> all() {
    return policies.all().stream().map(SlaPolicyView::of).toList();
  }

  @PUT
  @Path("{stage}/{severity}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replaceSlaPolicy",
      summary = "Replace the deadline rule of one stage for one severity")
  @APIResponse(responseCode = "200", description = "The rule as it now stands.")
  @APIResponse(
      responseCode = "400",
      description = "Malformed or invalid body.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "No such stage or severity.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public SlaPolicyView replace(
      @PathParam("stage") String stage,
      @PathParam("severity") String severity,
      SlaPolicyUpdate update) {
    SlaStage parsedStage = Params.pathEnum(stage, SlaStage.class);
    Severity parsedSeverity = Params.pathEnum(severity, Severity.class);
    SlaPolicy policy;
    try {
      policy = validation.valid(update).toPolicy(parsedStage, parsedSeverity);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    return SlaPolicyView.of(policies.replace(policy));
  }
}

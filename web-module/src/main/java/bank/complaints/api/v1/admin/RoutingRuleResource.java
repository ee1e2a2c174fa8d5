package bank.complaints.api.v1.admin;

import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.api.security.RoleGroup;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.routing.Routing;
import bank.complaints.routing.RoutingRule;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * R-F1: routing as data: the first rule, by priority, whose category, severity and keywords hold
 * names the responsible department; no match goes to complaints.routing.default-department.
 */
@Path("v1/admin/routing-rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class RoutingRuleResource {

  @Inject Routing routing;

  @Inject RequestValidation validation;

  @GET
  @Operation(
      operationId = "listRoutingRules",
      summary = "Read the routing rules, in priority order")
  @Allowed(groups = RoleGroup.SETTINGS_READERS)
  public List<RoutingRules.View> all() {
    return routing.rules().stream().map(RoutingRules.View::of).toList();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "replaceRoutingRules", summary = "Replace the routing rules")
  @APIResponse(
      responseCode = "422",
      description = "A rule naming no department.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public List<RoutingRules.View> replace(RoutingRules.Update update) {
    List<RoutingRule> replacement;
    try {
      replacement = validation.valid(update).toRules();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    return routing.replaceRules(replacement).stream().map(RoutingRules.View::of).toList();
  }
}

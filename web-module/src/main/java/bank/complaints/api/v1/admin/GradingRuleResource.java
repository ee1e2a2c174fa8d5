package bank.complaints.api.v1.admin;

import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.api.security.RoleGroup;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.grading.GradingRule;
import bank.complaints.grading.GradingRules;
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
 * The grading rules as data (R-G1, R-G2): at intake the most severe matching rule sets the severity
 * and the first matching rule with a category sets the category.
 */
@Path("v1/admin/grading-rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class GradingRuleResource {

  @Inject GradingRules rules;

  @Inject RequestValidation validation;

  @GET
  @Operation(
      operationId = "listGradingRules",
      summary = "Read the grading rules, in priority order")
  @Allowed(groups = RoleGroup.SETTINGS_READERS)
  public List<GradingRuleView> all() {
    return rules.all().stream().map(GradingRuleView::of).toList();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "replaceGradingRules", summary = "Replace the grading rules")
  @APIResponse(responseCode = "200", description = "The rules as they now stand.")
  @APIResponse(
      responseCode = "400",
      description = "Malformed or invalid body.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "A rule with neither keywords nor a minimum amount.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public List<GradingRuleView> replace(GradingRulesUpdate update) {
    List<GradingRule> replacement;
    try {
      replacement = validation.valid(update).toRules();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    return rules.replaceAll(replacement).stream().map(GradingRuleView::of).toList();
  }
}

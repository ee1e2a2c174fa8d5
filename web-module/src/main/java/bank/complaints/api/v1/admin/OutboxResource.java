package bank.complaints.api.v1.admin;

import bank.complaints.api.Params;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.outbox.SetAsideMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Outbound messages the broker kept refusing, set aside so that the rest flow (the metric
 * complaints_outbox_set_aside counts them), and the resend of one once the cause is fixed.
 */
@Path("v1/admin/outbox/set-aside")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class OutboxResource {

  @Inject SetAsideMessages setAside;

  @GET
  @Operation(
      operationId = "listSetAsideMessages",
      summary = "Outbound messages set aside after repeated refusals, oldest first")
  @Allowed({Role.ADMINISTRATOR})
  public List<SetAsideMessages.SetAside> list(
      @QueryParam("limit") @DefaultValue("100") String limit) {
    return setAside.list(Params.queryLimit("limit", limit, 1000));
  }

  @POST
  @Path("{id}/replay")
  @Operation(
      operationId = "replaySetAsideMessage",
      summary = "Put one set-aside message back in line for the broker")
  @APIResponse(responseCode = "202", description = "Back in line; the relay sends it shortly.")
  @APIResponse(
      responseCode = "404",
      description = "No such set-aside message.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public Response replay(@PathParam("id") String id) {
    setAside.replay(Params.pathId(id, "set-aside message"));
    return Response.accepted().build();
  }
}

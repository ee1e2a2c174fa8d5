package bank.complaints.api.v1.admin;

import bank.complaints.api.Params;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.outbox.DeadLetters;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Operations' view of what could not be delivered or processed (complaints.DLQ), and the replay of
 * one message to the address it was meant for once the cause is fixed. The metric
 * complaints_dead_letters counts them.
 */
@Path("v1/admin/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

  @Inject DeadLetters deadLetters;

  /** Where a replayed message went. */
  public record Replayed(String messageId, String sentTo) {}

  @GET
  @Operation(summary = "The dead letters, oldest first")
  @Allowed({Role.ADMINISTRATOR})
  public List<DeadLetters.DeadLetter> list(@QueryParam("limit") @DefaultValue("100") String limit) {
    return deadLetters.list(Params.queryLimit("limit", limit, 1000));
  }

  @POST
  @Path("{messageId}/replay")
  @Operation(summary = "Send one dead letter back to the address it was meant for")
  @APIResponse(
      responseCode = "404",
      description = "No such dead letter.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public Replayed replay(@PathParam("messageId") String messageId) {
    return new Replayed(messageId, deadLetters.replay(messageId));
  }
}

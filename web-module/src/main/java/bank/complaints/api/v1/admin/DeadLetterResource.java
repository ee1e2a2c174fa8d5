package bank.complaints.api.v1.admin;

import bank.complaints.api.Params;
import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.outbox.DeadLetters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operations' view of what could not be delivered or processed (complaints.DLQ), and the replay of
 * one message to the address it was meant for once the cause is fixed. The metric
 * complaints_dead_letters counts them.
 */
@Path("v1/admin/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class DeadLetterResource {

  @Inject DeadLetters deadLetters;

  @Inject RequestValidation validation;

  /** Where a replayed message went. */
  public record Replayed(String messageId, String sentTo) {}

  /** What a bulk replay sent back. */
  public record ReplayedAll(int count, List<String> messageIds) {}

  @GET
  @Operation(operationId = "listDeadLetters", summary = "The dead letters, oldest first")
  @Allowed({Role.ADMINISTRATOR})
  public List<DeadLetters.DeadLetter> list(@QueryParam("limit") @DefaultValue("100") String limit) {
    return deadLetters.list(Params.queryLimit("limit", limit, 1000));
  }

  @POST
  @Path("replay")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replayDeadLetters",
      summary =
          "Send back every dead letter that matches (meant for an address, of a type), oldest"
              + " first, up to the limit")
  @APIResponse(
      responseCode = "400",
      description = "A filter that is not an address or type name, or no limit from 1 to 1000.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public ReplayedAll replayAll(DeadLetterReplayRequest request) {
    DeadLetterReplayRequest valid = validation.valid(request);
    List<String> ids = deadLetters.replayAll(valid.originalAddress, valid.messageType, valid.limit);
    return new ReplayedAll(ids.size(), ids);
  }

  @POST
  @Path("{messageId}/replay")
  @Operation(
      operationId = "replayDeadLetter",
      summary = "Send one dead letter back to the address it was meant for")
  @APIResponse(
      responseCode = "404",
      description = "No such dead letter.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.ADMINISTRATOR})
  public Replayed replay(@PathParam("messageId") String messageId) {
    return new Replayed(messageId, deadLetters.replay(messageId));
  }
}

package bank.complaints.api.v1;

import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.intake.Complaint;
import bank.complaints.intake.IntakeService;
import bank.complaints.platform.BankZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("v1/complaints")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintsResource {

  @Inject IntakeService intake;

  @Inject RequestValidation validation;

  @Inject @BankZone ZoneId bankZone;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Submit a complaint",
      description = "Registers it and assigns it to the responsible department.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the new complaint.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ComplaintView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed or invalid submission.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "415",
      description = "Not JSON.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response submit(ComplaintSubmission submission) {
    Complaint complaint = intake.register(validation.valid(submission).toCommand());
    return Response.created(uri.getAbsolutePathBuilder().path(complaint.number().value()).build())
        .entity(ComplaintView.of(complaint, bankZone))
        .build();
  }
}

package bank.complaints.api.v1.complaint;

import bank.complaints.api.EntityTags;
import bank.complaints.api.Params;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.api.security.RoleGroup;
import bank.complaints.caseprocess.CaseFiles;
import bank.complaints.complaint.PersonalDataAccess;
import bank.complaints.insight.Memberships;
import bank.complaints.platform.BankZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One complaint read: its progress as the channel shows it (R-P3), the customer's personal data in
 * full for staff who need it (R-S2), and the customer's series on the issue (R-X1).
 */
@Path("v1/complaints/{number}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
    responseCode = "400",
    description = "Malformed or invalid body.",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "404",
    description = "No such complaint, or no running clock of that stage.",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "409",
    description = "The step is not allowed now (e.g. the deadline was already missed).",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@Tag(name = "Case handling")
public class ComplaintResource {

  @Inject CaseFiles files;

  @Inject Memberships memberships;

  @Inject PersonalDataAccess personalData;

  @Inject @BankZone ZoneId bankZone;

  @GET
  @Operation(
      operationId = "getComplaint",
      summary = "Read a complaint",
      description =
          "Its progress as the channel shows it. The answer carries an ETag: sent back in"
              + " If-None-Match, it gets 304 Not Modified without a body while nothing changed.")
  @APIResponse(responseCode = "304", description = "Nothing changed since the ETag sent")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ComplaintView.class)))
  @Allowed(value = Role.CHANNEL, groups = RoleGroup.CASE_READERS)
  public Response read(@PathParam("number") String number, @Context Request request) {
    return EntityTags.conditional(
        request, ComplaintView.of(files.progress(Params.complaintNumber(number)), bankZone));
  }

  @GET
  @Path("personal-data")
  @Operation(
      operationId = "getPersonalData",
      summary = "R-S2 R-S3: the customer's mobile, identity and account numbers in full",
      description =
          "For staff who must call the customer back or check an account. The reason is required"
              + " and every read is on the audit log; everywhere else these values are masked.")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PersonalDataView.class)))
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public PersonalDataView personalData(
      @PathParam("number") String number, @QueryParam("reason") String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new BadRequestException(
          "'reason' (why the full values are needed, up to 500 characters) is required.");
    }
    return PersonalDataView.of(personalData.read(Params.complaintNumber(number), reason.strip()));
  }

  @GET
  @Path("repeats")
  @Operation(
      operationId = "listRepeats",
      summary = "R-X1: the customer's complaints on this issue, the first and each repeat",
      description = "Oldest first; a single complaint is a series of one.")
  @Allowed({Role.HANDLER, Role.SUPERVISOR, Role.MANAGER})
  public List<RepeatView> repeats(@PathParam("number") String number) {
    return memberships.series(Params.complaintNumber(number)).stream()
        .map(
            in ->
                new RepeatView(
                    in.complaint().number().value(),
                    in.place(),
                    in.complaint().status().name(),
                    in.complaint().supervisorLed(),
                    in.complaint().receivedAt().atZone(bankZone).toOffsetDateTime()))
        .toList();
  }

  /** R-X1: one complaint of a customer's series on an issue. */
  public record RepeatView(
      String number,
      int place,
      String status,
      boolean supervisorLed,
      java.time.OffsetDateTime receivedAt) {}
}

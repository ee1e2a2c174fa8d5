package bank.complaints.api.v1.review;

import bank.complaints.api.Params;
import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Caller;
import bank.complaints.api.security.Role;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.platform.BankZone;
import bank.complaints.review.ManagementReview;
import bank.complaints.review.TypicalCase;
import bank.complaints.review.TypicalKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-M2: a case selected as typical for the quarterly analysis. */
@Path("v1/complaints/{number}")
@RequestScoped
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
public class TypicalCaseResource {

  @Inject ManagementReview review;

  @Inject RequestValidation validation;

  @Inject Caller caller;

  @Inject @BankZone ZoneId bankZone;

  @PathParam("number")
  String number;

  /** R-M2: why this case is typical, for the quarterly analysis. */
  @Schema(name = "TypicalCaseSelection")
  public static class TypicalSelection {
    @jakarta.validation.constraints.NotNull
    @Schema(example = "COMPLEX_SOLVED")
    public TypicalKind kind;

    @jakarta.validation.constraints.NotBlank
    @jakarta.validation.constraints.Size(max = 2000)
    @Schema(example = "三部门协同两周内查明系统重复扣费原因并全额退还，可作为跨部门协作范例。")
    public String comment;
  }

  /** R-M2: a typical case as selected. */
  @Schema(name = "TypicalCase")
  public record TypicalView(
      String number,
      TypicalKind kind,
      String comment,
      String selectedBy,
      OffsetDateTime selectedAt) {}

  @PUT
  @Path("typical")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "selectTypicalCase",
      summary =
          "R-M2: select the case as typical for the quarterly analysis (a complex one solved, a"
              + " failure, a mass complaint), with a comment")
  @Allowed({Role.SUPERVISOR, Role.MANAGER})
  public TypicalView selectTypical(TypicalSelection body) {
    TypicalSelection valid = validation.valid(body);
    TypicalCase typical =
        review.flagTypical(number(), valid.kind, valid.comment.strip(), caller.signature());
    return new TypicalView(
        number().value(),
        typical.kind(),
        typical.comment(),
        typical.flaggedBy(),
        typical.flaggedAt().atZone(bankZone).toOffsetDateTime());
  }

  private ComplaintNumber number() {
    return Params.complaintNumber(number);
  }
}

package bank.complaints.api.v1.intake;

import bank.complaints.api.Params;
import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.AccessDeniedException;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Caller;
import bank.complaints.api.security.Role;
import bank.complaints.api.v1.complaint.ComplaintSearchView;
import bank.complaints.api.v1.complaint.ComplaintView;
import bank.complaints.complaint.Channel;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintPage;
import bank.complaints.complaint.ComplaintQuery;
import bank.complaints.complaint.ComplaintStatus;
import bank.complaints.complaint.Complaints;
import bank.complaints.department.DepartmentCode;
import bank.complaints.grading.Category;
import bank.complaints.grading.Severity;
import bank.complaints.insight.Memberships;
import bank.complaints.intake.GroupCommit;
import bank.complaints.intake.IntakeService;
import bank.complaints.intake.NewComplaint;
import bank.complaints.intake.Registration;
import bank.complaints.platform.BankZone;
import bank.complaints.platform.Failures;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("v1/complaints")
// One instance: it keeps nothing of a request (issue 18: constructing and injecting it for every
// request showed in the profiles of a registration).
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints")
public class ComplaintsResource {

  static final String IDEMPOTENCY_KEY = "[A-Za-z0-9._:-]{1,100}";

  /** Compiled once: {@code String.matches} compiled it for every registration (issue 18). */
  private static final Pattern IDEMPOTENCY_KEY_FORM = Pattern.compile(IDEMPOTENCY_KEY);

  @Inject IntakeService intake;

  @Inject GroupCommit groupCommit;

  @Inject Complaints complaints;

  @Inject Memberships memberships;

  @Inject RequestValidation validation;

  @Inject Caller caller;

  @Inject @BankZone ZoneId bankZone;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "submitComplaint",
      summary = "Submit a complaint",
      description = "Registers it and assigns it to the responsible department.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the new complaint.",
      headers = {
        @Header(
            name = "Location",
            description = "The new complaint.",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        @Header(
            name = "Idempotent-Replayed",
            description = "true when this answers a retry with the same Idempotency-Key",
            schema = @Schema(type = SchemaType.BOOLEAN))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ComplaintView.class)))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ComplaintSubmission.class),
              examples = {
                @ExampleObject(
                    name = "fee complaint from the app",
                    summary = "A card-fee complaint with the card concerned and a refund demand",
                    value = Examples.FEE_COMPLAINT),
                @ExampleObject(
                    name = "complaint recorded at the counter",
                    summary = "Received earlier by the lobby manager, naming a teller",
                    value = Examples.COUNTER_COMPLAINT)
              }))
  @APIResponse(
      responseCode = "400",
      description =
          "Malformed JSON, an unknown enum value, a field of the wrong type, or a field that fails"
              + " validation (each named in errors).",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "invalid mobile", value = Examples.VALIDATION_PROBLEM)))
  @APIResponse(
      responseCode = "422",
      description =
          "Well formed but not acceptable: the Idempotency-Key was used for a different"
              + " submission, an invalid ID card or card number, a receipt time in the future.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "key reused", value = Examples.UNPROCESSABLE_PROBLEM)))
  @APIResponse(
      responseCode = "415",
      description = "Not JSON.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.CHANNEL, Role.SUPERVISOR})
  public Response submit(
      @Parameter(
              description =
                  "The channel system's retry key: a retry with the same key and body returns the"
                      + " original complaint; the same key with another body is a 422.",
              example = "9b2f6c1e-5d0a-4c8e-9f5b-3e7d2a1c4b6f",
              schema = @Schema(maxLength = 100, pattern = IDEMPOTENCY_KEY))
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      @Context UriInfo uri,
      ComplaintSubmission submission) {
    if (idempotencyKey != null && !IDEMPOTENCY_KEY_FORM.matcher(idempotencyKey).matches()) {
      throw new BadRequestException(
          "Idempotency-Key must be 1–100 characters of letters, digits and . _ : -");
    }
    NewComplaint command = validation.valid(submission).toCommand();
    caller.mustSubmitFor(command.channel());
    Registration registration = register(command, idempotencyKey);
    Complaint complaint = registration.complaint();
    Response.ResponseBuilder response =
        Response.created(uri.getAbsolutePathBuilder().path(complaint.number().value()).build())
            .entity(ComplaintView.of(complaint, registration.membership(), bankZone));
    if (registration instanceof Registration.Replayed) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.build();
  }

  /**
   * Two first tries under one key race to claim it: the loser's transaction fails on the key's
   * primary key, and it answers with the winner's complaint once that has committed.
   */
  private Registration register(NewComplaint command, String idempotencyKey) {
    try {
      return groupCommit.register(command, idempotencyKey);
    } catch (EJBException lostRace) {
      if (idempotencyKey == null || !Failures.isWriteConflict(lostRace)) {
        throw lostRace; // no race lost (the database away: 503; anything else: 500), at once
      }
      for (int attempt = 0; attempt < 50; attempt++) {
        Optional<Registration> replay = intake.replay(command, idempotencyKey);
        if (replay.isPresent()) {
          return replay.get();
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      throw lostRace;
    }
  }

  @GET
  @Operation(
      operationId = "searchComplaints",
      summary = "Search complaints (staff)",
      description =
          "Every criterion optional; received dates are days in the bank's zone, both inclusive."
              + " Newest first. A search reaches its first matches (10,000 by default): its pages"
              + " lie within them and its total is counted that far (totalExact false: more"
              + " matched).")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ComplaintSearchView.class)))
  @APIResponse(
      responseCode = "400",
      description = "An unknown value, a bad date or page.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description =
          "A page beyond the search's window (its first 10,000 matches by default): narrow the"
              + " search.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.CHANNEL, Role.HANDLER, Role.SUPERVISOR, Role.MANAGER})
  public ComplaintSearchView search(
      @QueryParam("status") String status,
      @QueryParam("severity") String severity,
      @QueryParam("category") String category,
      @QueryParam("channel") String channel,
      @QueryParam("department") String department,
      @Parameter(example = "2026-11-01") @QueryParam("receivedFrom") String receivedFrom,
      @Parameter(example = "2026-11-30") @QueryParam("receivedTo") String receivedTo,
      @Parameter(example = "13812345678") @QueryParam("customerMobile") String customerMobile,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("20") String size) {
    Channel channelAsked = Params.queryEnum("channel", channel, Channel.class);
    DepartmentCode departmentAsked = department == null ? null : departmentCode(department);
    // R-S1: a channel system sees its channel's complaints, department staff their department's.
    Optional<Channel> onlyChannel = caller.onlyChannel();
    Optional<DepartmentCode> onlyDepartment = caller.onlyDepartment();
    if (onlyChannel.isPresent() && channelAsked != null && channelAsked != onlyChannel.get()
        || onlyDepartment.isPresent()
            && departmentAsked != null
            && !departmentAsked.equals(onlyDepartment.get())) {
      throw new AccessDeniedException("The caller may search only its own channel or department.");
    }
    ComplaintQuery query =
        new ComplaintQuery(
            Params.queryEnum("status", status, ComplaintStatus.class),
            Params.queryEnum("severity", severity, Severity.class),
            Params.queryEnum("category", category, Category.class),
            onlyChannel.orElse(channelAsked),
            onlyDepartment.orElse(departmentAsked),
            receivedFrom == null ? null : day("receivedFrom", receivedFrom),
            receivedTo == null ? null : day("receivedTo", receivedTo).plus(Duration.ofDays(1)),
            customerMobile);
    ComplaintPage found =
        complaints.search(query, number("page", page, 0, 100_000), number("size", size, 1, 100));
    return ComplaintSearchView.of(found, memberships.of(found.items()), bankZone);
  }

  private static DepartmentCode departmentCode(String text) {
    try {
      return new DepartmentCode(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("'department' is not a department code.");
    }
  }

  private Instant day(String name, String text) {
    return Params.queryDate(name, text).atStartOfDay(bankZone).toInstant();
  }

  private static int number(String name, String text, int min, int max) {
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        "'" + name + "' must be a whole number from " + min + " to " + max + ".");
  }
}

package bank.complaints.api.v1;

import bank.complaints.api.Params;
import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.handling.CaseHandling;
import bank.complaints.intake.ComplaintNotFoundException;
import bank.complaints.intake.ComplaintNumber;
import bank.complaints.platform.BankZone;
import bank.complaints.sla.Allowance;
import bank.complaints.sla.SlaStage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One complaint: reading it, the handling steps that start, stop, pause and extend its deadline
 * clocks (R-I7, R-F1, R-F2), and the clocks themselves.
 */
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
public class ComplaintResource {

  @Inject CaseHandling handling;

  @Inject RequestValidation validation;

  @Inject @BankZone ZoneId bankZone;

  @PathParam("number")
  String number;

  @GET
  @Operation(summary = "Read a complaint")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ComplaintView.class)))
  public ComplaintView read() {
    return ComplaintView.of(handling.progress(number()), bankZone);
  }

  @POST
  @Path("customer-contact")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "R-I7: record that the customer was contacted to confirm receipt")
  public List<ClockView> customerContacted(CaseStepRequests.CustomerContact body) {
    CaseStepRequests.CustomerContact valid = validation.valid(body);
    handling.customerContacted(number(), valid.by.strip(), valid.note);
    return clocks();
  }

  @POST
  @Path("investigation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "R-F1: the department starts its investigation")
  public List<ClockView> startInvestigation(CaseStepRequests.InvestigationStart body) {
    CaseStepRequests.InvestigationStart valid = validation.valid(body);
    handling.startInvestigation(number(), valid.by.strip(), valid.plan.strip());
    return clocks();
  }

  @PUT
  @Path("grade")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "R-G1 R-G2: regrade or reclassify, with a reason (recorded in the timeline)")
  public ComplaintView regrade(CaseStepRequests.Regrading body) {
    CaseStepRequests.Regrading valid = validation.valid(body);
    handling.regrade(
        number(), valid.severity, valid.category, valid.by.strip(), valid.reason.strip());
    return ComplaintView.of(handling.progress(number()), bankZone);
  }

  @PUT
  @Path("cause-tags")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "R-G3: set the cause tags for root-cause analysis, with a reason")
  public ComplaintView tagCauses(CaseStepRequests.CauseTagging body) {
    CaseStepRequests.CauseTagging valid = validation.valid(body);
    handling.tagCauses(
        number(),
        valid.tags.isEmpty() ? Set.of() : EnumSet.copyOf(valid.tags),
        valid.by.strip(),
        valid.reason.strip());
    return ComplaintView.of(handling.progress(number()), bankZone);
  }

  @GET
  @Path("clocks")
  @Operation(summary = "The case's deadline clocks")
  public List<ClockView> clocks() {
    return handling.clocks(number()).stream().map(c -> ClockView.of(c, bankZone)).toList();
  }

  @POST
  @Path("clocks/{stage}/pause")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Pause a clock while waiting for the customer or an outside appraisal")
  public ClockView pause(@PathParam("stage") String stage, CaseStepRequests.ClockPause body) {
    CaseStepRequests.ClockPause valid = validation.valid(body);
    return ClockView.of(
        handling.pause(
            number(),
            Params.pathEnum(stage, SlaStage.class),
            valid.reason,
            valid.by.strip(),
            valid.note),
        bankZone);
  }

  @POST
  @Path("clocks/{stage}/resume")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Resume a paused clock; the deadline moves by the time paused")
  public ClockView resume(@PathParam("stage") String stage, CaseStepRequests.ClockResume body) {
    CaseStepRequests.ClockResume valid = validation.valid(body);
    return ClockView.of(
        handling.resume(number(), Params.pathEnum(stage, SlaStage.class), valid.by.strip()),
        bankZone);
  }

  @POST
  @Path("clocks/{stage}/extensions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "R-F2: extend a deadline with a recorded approval; the customer is told the date")
  public ClockView extend(
      @PathParam("stage") String stage, CaseStepRequests.DeadlineExtension body) {
    CaseStepRequests.DeadlineExtension valid = validation.valid(body);
    Allowance extra;
    try {
      extra = Allowance.parse(valid.extension);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    return ClockView.of(
        handling.extend(
            number(),
            Params.pathEnum(stage, SlaStage.class),
            extra,
            valid.approvedBy.strip(),
            valid.reason.strip()),
        bankZone);
  }

  private ComplaintNumber number() {
    ComplaintNumber parsed = ComplaintNumber.parseOrNull(number);
    if (parsed == null) {
      throw new ComplaintNotFoundException(number);
    }
    return parsed;
  }
}

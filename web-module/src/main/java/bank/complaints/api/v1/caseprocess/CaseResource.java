package bank.complaints.api.v1.caseprocess;

import bank.complaints.api.Params;
import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Caller;
import bank.complaints.api.security.Role;
import bank.complaints.api.security.RoleGroup;
import bank.complaints.api.v1.complaint.ComplaintView;
import bank.complaints.api.v1.evidence.EvidenceView;
import bank.complaints.caseprocess.CaseClocks;
import bank.complaints.caseprocess.CaseFiles;
import bank.complaints.caseprocess.CaseProcess;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.department.DepartmentCode;
import bank.complaints.evidence.EvidenceLocker;
import bank.complaints.platform.BankZone;
import bank.complaints.sla.Allowance;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.WorkTask;
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
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The steps of the case process on one complaint (R-I7, R-F1…R-F9, R-X3): each translates its
 * request into one step of {@code CaseProcess}, and answers with the case, its clocks or its file.
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
@Tag(name = "Case handling")
public class CaseResource {

  @Inject CaseProcess process;

  @Inject CaseFiles files;

  @Inject CaseClocks caseClocks;

  @Inject EvidenceLocker evidenceLocker;

  @Inject RequestValidation validation;

  @Inject Caller caller;

  @Inject @BankZone ZoneId bankZone;

  @PathParam("number")
  String number;

  @POST
  @Path("customer-contact")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "recordCustomerContact",
      summary = "R-I7: record that the customer was contacted to confirm receipt")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public List<ClockView> customerContacted(CaseStepRequests.CustomerContact body) {
    CaseStepRequests.CustomerContact valid = validation.valid(body);
    process.customerContacted(number(), caller.signature(), valid.note);
    return clocks();
  }

  @POST
  @Path("investigation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startInvestigation",
      summary = "R-F1: the department starts its investigation")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public List<ClockView> startInvestigation(CaseStepRequests.InvestigationStart body) {
    CaseStepRequests.InvestigationStart valid = validation.valid(body);
    process.startInvestigation(number(), caller.signature(), valid.plan.strip());
    return clocks();
  }

  @POST
  @Path("complex")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "markComplex",
      summary =
          "R-I7 R-F2: find the case complex, with a reason: a named owner, first findings within 4"
              + " working days, a solution within a week of receipt")
  @Allowed({Role.SUPERVISOR, Role.DEPARTMENT_HEAD})
  public ComplaintView markComplex(CaseStepRequests.ComplexCase body) {
    CaseStepRequests.ComplexCase valid = validation.valid(body);
    process.markComplex(number(), valid.reason.strip(), caller.signature());
    return ComplaintView.of(files.progress(number()), bankZone);
  }

  @POST
  @Path("first-findings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "tellFirstFindings",
      summary = "R-F2: tell the customer the first findings and when the final result is expected")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public ComplaintView firstFindings(CaseStepRequests.FirstFindings body) {
    CaseStepRequests.FirstFindings valid = validation.valid(body);
    process.firstFindings(
        number(),
        valid.findings.strip(),
        valid.expectedBy == null ? null : valid.expectedBy.toInstant(),
        caller.signature());
    return ComplaintView.of(files.progress(number()), bankZone);
  }

  @PUT
  @Path("grade")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "regradeComplaint",
      summary = "R-G1 R-G2: regrade or reclassify, with a reason (recorded in the timeline)")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public ComplaintView regrade(CaseStepRequests.Regrading body) {
    CaseStepRequests.Regrading valid = validation.valid(body);
    process.regrade(
        number(), valid.severity, valid.category, caller.signature(), valid.reason.strip());
    return ComplaintView.of(files.progress(number()), bankZone);
  }

  @PUT
  @Path("cause-tags")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "tagCauses",
      summary = "R-G3: set the cause tags for root-cause analysis, with a reason")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public ComplaintView tagCauses(CaseStepRequests.CauseTagging body) {
    CaseStepRequests.CauseTagging valid = validation.valid(body);
    process.tagCauses(
        number(),
        valid.tags.isEmpty() ? Set.of() : EnumSet.copyOf(valid.tags),
        caller.signature(),
        valid.reason.strip());
    return ComplaintView.of(files.progress(number()), bankZone);
  }

  @POST
  @Path("reassignment")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reassignComplaint",
      summary = "R-F1: move the case to another department, with a reason",
      description = "The open assignment is withdrawn; the new department gets one on its queue.")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public ComplaintView reassign(LifecycleRequests.Reassignment body) {
    LifecycleRequests.Reassignment valid = validation.valid(body);
    process.reassign(
        number(), new DepartmentCode(valid.department), valid.reason.strip(), caller.signature());
    return ComplaintView.of(files.progress(number()), bankZone);
  }

  @POST
  @Path("consultations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "requestConsultation",
      summary = "R-F2: ask another department for its opinion during the investigation",
      description =
          "A CONSULTATION task goes to the department's queue; the answer comes back as the"
              + " task's result (POST /api/v1/tasks/{taskId}/result or complaints.results).")
  @APIResponse(
      responseCode = "201",
      description = "The consultation task was queued for the department.",
      content = @Content(schema = @Schema(implementation = ConsultationReceipt.class)))
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public Response consult(LifecycleRequests.Consultation body) {
    LifecycleRequests.Consultation valid = validation.valid(body);
    WorkTask task =
        process.consult(
            number(),
            new DepartmentCode(valid.department),
            valid.question.strip(),
            caller.signature());
    return Response.status(Response.Status.CREATED)
        .entity(new ConsultationReceipt(task.id(), task.department().value()))
        .build();
  }

  /** The consultation task, whose result carries the opinion. */
  @Schema(name = "ConsultationReceipt")
  public record ConsultationReceipt(String taskId, @Schema(example = "WEALTH") String department) {}

  @PUT
  @Path("handler")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "nameHandler",
      summary = "R-P2: name the person handling the case",
      description = "Someone the complaint names is refused (409), and the refusal is recorded.")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public ComplaintView nameHandler(LifecycleRequests.HandlerAssignment body) {
    LifecycleRequests.HandlerAssignment valid = validation.valid(body);
    process.nameHandler(number(), valid.handler.toApprover(), caller.signature());
    return ComplaintView.of(files.progress(number()), bankZone);
  }

  @POST
  @Path("resolution")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "proposeResolution",
      summary = "R-F3 R-F4: propose the resolution; its approval chain follows from the amount")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = ResolutionView.class)))
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public Response propose(LifecycleRequests.Proposal body) {
    LifecycleRequests.Proposal valid = validation.valid(body);
    ResolutionView view =
        ResolutionView.of(
            process.propose(number(), valid.toProposal(), caller.approver()), bankZone);
    return Response.status(Response.Status.CREATED).entity(view).build();
  }

  @POST
  @Path("approvals")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "decideApproval",
      summary = "R-F4 R-P2: an approver's decision, in the order of the chain",
      description =
          "The approver is the signed-in person (the token's name and employee_id), deciding at"
              + " the place of the role named, which the token must hold. The last approval"
              + " notifies the customer of the result (R-F5). A decision out of turn, by someone"
              + " who already decided or who proposed the resolution (maker–checker), or by someone"
              + " the complaint names (R-P2), is a 409 and the refusal is recorded; a token without"
              + " employee_id is a 403.")
  @Allowed(groups = RoleGroup.APPROVERS)
  public ResolutionView decide(LifecycleRequests.Decision body) {
    LifecycleRequests.Decision valid = validation.valid(body);
    caller.mustHold(Role.of(valid.role));
    return ResolutionView.of(
        process.decide(
            number(),
            valid.role,
            caller.approver(),
            valid.decision == LifecycleRequests.Decision.Verdict.APPROVE,
            valid.reason.strip()),
        bankZone);
  }

  @GET
  @Path("resolutions")
  @Operation(
      operationId = "listResolutions",
      summary = "R-F3 R-F4: the case's resolutions and their approvals, oldest first")
  @Allowed(groups = RoleGroup.CASE_READERS)
  public List<ResolutionView> resolutions() {
    return files.file(number()).resolutions().stream()
        .map(r -> ResolutionView.of(r, bankZone))
        .toList();
  }

  @POST
  @Path("customer-answer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "recordCustomerAnswer",
      summary = "R-F6: the customer accepts (execution follows) or objects (reopened, escalated)")
  @Allowed({Role.CHANNEL, Role.HANDLER, Role.SUPERVISOR})
  public ComplaintView customerAnswered(LifecycleRequests.CustomerAnswer body) {
    LifecycleRequests.CustomerAnswer valid = validation.valid(body);
    process.customerAnswered(
        number(),
        valid.accepted,
        valid.reason == null || valid.reason.isBlank() ? null : valid.reason.strip(),
        valid.recordedBy.strip());
    return ComplaintView.of(files.progress(number()), bankZone);
  }

  @POST
  @Path("referral")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "referComplaint",
      summary = "R-X3: beyond the bank's remit: the routes offered, the customer's choice")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public ComplaintView refer(LifecycleRequests.Referral body) {
    LifecycleRequests.Referral valid = validation.valid(body);
    process.referOutside(
        number(), valid.offered, valid.chosen, valid.why.strip(), caller.signature());
    return ComplaintView.of(files.progress(number()), bankZone);
  }

  @POST
  @Path("archive")
  @Operation(
      operationId = "archiveComplaint",
      summary = "R-F9: archive a concluded or referred case")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public CaseFileView archive() {
    process.archive(number(), caller.signature());
    return file();
  }

  @GET
  @Path("file")
  @Operation(
      operationId = "getCaseFile",
      summary = "R-F9: the whole case file as one record",
      description =
          "Registration, resolutions and approvals, tasks and results, deadlines, and the full"
              + " timeline with internal notes. For staff and auditors.")
  @Allowed(groups = RoleGroup.CASE_READERS)
  public CaseFileView file() {
    List<EvidenceView> evidence =
        evidenceLocker.of(number()).stream()
            .map(item -> EvidenceView.of(number, item, bankZone))
            .toList();
    return CaseFileView.of(files.file(number()), evidence, bankZone);
  }

  @GET
  @Path("clocks")
  @Operation(operationId = "listClocks", summary = "The case's deadline clocks")
  @Allowed({Role.HANDLER, Role.SUPERVISOR, Role.MANAGER})
  public List<ClockView> clocks() {
    return caseClocks.of(number()).stream().map(c -> ClockView.of(c, bankZone)).toList();
  }

  @POST
  @Path("clocks/{stage}/pause")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "pauseClock",
      summary = "Pause a clock while waiting for the customer or an outside appraisal")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public ClockView pause(@PathParam("stage") String stage, CaseStepRequests.ClockPause body) {
    CaseStepRequests.ClockPause valid = validation.valid(body);
    return ClockView.of(
        caseClocks.pause(
            number(),
            Params.pathEnum(stage, SlaStage.class),
            valid.reason,
            caller.signature(),
            valid.note),
        bankZone);
  }

  @POST
  @Path("clocks/{stage}/resume")
  @Operation(
      operationId = "resumeClock",
      summary = "Resume a paused clock; the deadline moves by the time paused")
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public ClockView resume(@PathParam("stage") String stage) {
    return ClockView.of(
        caseClocks.resume(number(), Params.pathEnum(stage, SlaStage.class), caller.signature()),
        bankZone);
  }

  @POST
  @Path("clocks/{stage}/extensions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "extendDeadline",
      summary = "R-F2: extend a deadline, approved by the signed-in approver; the customer is told",
      description =
          "Only someone holding an approving role (department head and above) extends a deadline;"
              + " their name and employee id (from the token) are recorded as the approval.")
  @Allowed(groups = RoleGroup.APPROVERS)
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
        caseClocks.extend(
            number(),
            Params.pathEnum(stage, SlaStage.class),
            extra,
            caller.approver().signature(),
            caller.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
            valid.reason.strip()),
        bankZone);
  }

  private ComplaintNumber number() {
    return Params.complaintNumber(number);
  }
}

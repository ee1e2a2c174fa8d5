package bank.complaints.api.v1.caseprocess;

import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.caseprocess.TaskResults;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Departments report a task's result here (or on the results queue): idempotent by task id, so a
 * department system may retry safely.
 */
@Path("v1/tasks/{taskId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Department tasks")
public class TaskResource {

  @Inject TaskResults results;

  @Inject RequestValidation validation;

  /** What happened to the result. */
  @Schema(name = "TaskResultReceipt")
  public record Receipt(
      String taskId,
      @Schema(description = "False when the same result had already been received")
          boolean applied) {}

  @POST
  @Path("result")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "submitTaskResult",
      summary = "A department's result for a task (R-F7 execution, R-F8 follow-up call)")
  @APIResponse(
      responseCode = "409",
      description = "Another result for a task already done, or a step the case cannot take now.",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Allowed({Role.HANDLER, Role.SUPERVISOR})
  public Receipt result(@PathParam("taskId") String taskId, LifecycleRequests.TaskResult body) {
    LifecycleRequests.TaskResult valid = validation.valid(body);
    boolean applied =
        results.taskCompleted(
            taskId,
            valid.outcome.strip(),
            valid.satisfaction,
            valid.problemSolved,
            valid.by.strip());
    return new Receipt(taskId, applied);
  }
}

package bank.complaints.api.v1.insight;

import bank.complaints.api.RequestValidation;
import bank.complaints.api.problem.Problem;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.insight.Incident;
import bank.complaints.insight.IncidentId;
import bank.complaints.insight.Incidents;
import bank.complaints.platform.BankZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-X2: mass-complaint incidents: the one statement, progress for all, closing with evaluation. */
@Path("v1/incidents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
    responseCode = "404",
    description = "No such incident.",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@Tag(name = "Incidents")
public class IncidentResource {

  @Inject Incidents incidents;

  @Inject RequestValidation validation;

  @Inject @BankZone ZoneId bankZone;

  /** An incident and the complaints it links. */
  @Schema(name = "Incident")
  public record IncidentView(
      long id,
      String status,
      String channel,
      String category,
      String products,
      OffsetDateTime openedAt,
      String statement,
      String progress,
      String evaluation,
      OffsetDateTime closedAt,
      List<String> complaints) {}

  /** A text published to every linked customer, or the closing evaluation. */
  @Schema(name = "IncidentText")
  public static class Text {
    @NotBlank
    @Size(max = 2000)
    @Schema(example = "因系统升级导致部分客户重复扣费，本行将于三个工作日内全部退还。")
    public String text;

    @NotBlank
    @Size(max = 100)
    @Schema(example = "运营管理部 孙七")
    public String by;
  }

  @GET
  @Operation(
      operationId = "listIncidents",
      summary = "R-X2: incidents, newest first (status OPEN or CLOSED to filter)")
  @Allowed({Role.SUPERVISOR, Role.MANAGER})
  public List<IncidentView> list(
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw new BadRequestException("'page' is 0 or more and 'size' 1 to 100.");
    }
    Incident.Status wanted = null;
    if (status != null) {
      try {
        wanted = Incident.Status.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("'status' is OPEN or CLOSED.");
      }
    }
    return incidents.list(wanted, page, size).stream().map(this::view).toList();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getIncident", summary = "R-X2: an incident and the complaints it links")
  @Allowed({Role.SUPERVISOR, Role.MANAGER})
  public IncidentView read(@PathParam("id") String id) {
    return view(incidents.find(id(id)));
  }

  @POST
  @Path("{id}/statement")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "publishIncidentStatement",
      summary = "R-X2: the bank's one statement, sent to every customer the incident links",
      description = "Customers whose complaints join the incident later receive it too.")
  @Allowed({Role.SUPERVISOR})
  public IncidentView statement(@PathParam("id") String id, Text body) {
    Text valid = validation.valid(body);
    return view(incidents.publishStatement(id(id), valid.text.strip(), valid.by.strip()));
  }

  @POST
  @Path("{id}/progress")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reportIncidentProgress",
      summary = "R-X2: a progress update, sent to every customer the incident links")
  @Allowed({Role.SUPERVISOR})
  public IncidentView progress(@PathParam("id") String id, Text body) {
    Text valid = validation.valid(body);
    return view(incidents.publishProgress(id(id), valid.text.strip(), valid.by.strip()));
  }

  @POST
  @Path("{id}/closure")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "closeIncident",
      summary = "R-X2: close the incident with the task force's evaluation",
      description = "A closed incident takes no more statements (409).")
  @Allowed({Role.SUPERVISOR})
  public IncidentView close(@PathParam("id") String id, Text body) {
    Text valid = validation.valid(body);
    return view(incidents.close(id(id), valid.text.strip(), valid.by.strip()));
  }

  private static IncidentId id(String text) {
    try {
      return new IncidentId(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new bank.complaints.common.NotFoundException("No incident " + text + ".");
    }
  }

  private IncidentView view(Incident incident) {
    return new IncidentView(
        incident.id().value(),
        incident.status().name(),
        incident.channel().name(),
        incident.category().name(),
        incident.products().orElse(null),
        incident.openedAt().atZone(bankZone).toOffsetDateTime(),
        incident.statement().orElse(null),
        incident.progress().orElse(null),
        incident.evaluation().orElse(null),
        incident.closedAt().map(t -> t.atZone(bankZone).toOffsetDateTime()).orElse(null),
        incidents.complaints(incident.id()).stream().map(c -> c.number().value()).toList());
  }
}

package bank.complaints.api.v1.admin;

import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.escalation.Escalations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operations' handle on the escalation scanner: run one claim-and-fire batch now, beside the
 * timer's own scans (e.g. to drain a backlog after maintenance). Safe at any time: the claim skips
 * what another scan holds, so nothing fires twice.
 */
@Path("v1/admin/escalations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class EscalationResource {

  @Inject Escalations escalations;

  @Inject
  @ConfigProperty(name = "complaints.sla.scan-batch-size")
  int batchSize;

  /** How many due clocks one scan claimed. */
  public record ScanResult(int claimed) {}

  @POST
  @Path("scan")
  @Operation(
      operationId = "scanEscalations",
      summary = "Run one batch of the escalation scanner now")
  @Allowed({Role.ADMINISTRATOR})
  public ScanResult scan() {
    return new ScanResult(escalations.fireDue(batchSize));
  }
}

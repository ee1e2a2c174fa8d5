package bank.complaints.api.v1.admin;

import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.operations.Retention;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Retention runs by itself every five minutes (complaints.retention.*); operations may run it at
 * once, after changing a setting say. Each run deletes in bounded batches.
 */
@Path("v1/admin/retention/run")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class RetentionResource {

  @Inject Retention retention;

  @POST
  @Operation(
      operationId = "runRetention",
      summary =
          "Delete now the published outbox messages and idempotency keys older than their"
              + " retention")
  @Allowed({Role.ADMINISTRATOR})
  public Retention.Run run() {
    return retention.runNow();
  }
}

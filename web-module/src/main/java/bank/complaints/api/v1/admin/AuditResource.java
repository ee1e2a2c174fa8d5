package bank.complaints.api.v1.admin;

import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.audit.AuditVerification;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** R-S3: verifying the audit chain. */
@Path("v1/admin/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class AuditResource {

  @Inject AuditVerification verification;

  /**
   * The verdict; {@code firstBroken} names the first link that does not hold, if any, and {@code
   * unlinked} every entry left out of the chain that should be in it.
   */
  public record VerificationView(
      boolean intact,
      long linked,
      long pending,
      BrokenView firstBroken,
      List<UnlinkedView> unlinked,
      CheckpointView checkpoint) {}

  /** An entry outside the chain: written behind the application's back, or never linked. */
  public record UnlinkedView(long entryId, String reason) {}

  /** The checkpoint outside the database the chain was held against. */
  public record CheckpointView(long sequence, String at) {}

  /** Where the chain breaks: the link's sequence number, its entry and why. */
  public record BrokenView(long sequence, Long entryId, String reason) {}

  @GET
  @Path("verification")
  @Operation(
      operationId = "verifyAuditChain",
      summary = "R-S3: walk the audit chain and name the first broken entry",
      description =
          "Links what is waiting first. intact is false when an entry was altered, removed or"
              + " reordered after it was recorded, when links after the last checkpoint (kept"
              + " outside the database) were removed, or when an entry is left out of the chain"
              + " (written behind the application's back, its work-list row removed, or not"
              + " linked within complaints.audit.link-within); firstBroken and unlinked say"
              + " where.")
  @Allowed({Role.ADMINISTRATOR})
  public VerificationView verify() {
    AuditVerification.Verdict verdict = verification.verify();
    return new VerificationView(
        verdict.intact(),
        verdict.linked(),
        verdict.pending(),
        verdict
            .firstBreak()
            .map(b -> new BrokenView(b.sequence(), b.entryId(), b.reason()))
            .orElse(null),
        verdict.unlinked().stream().map(u -> new UnlinkedView(u.entryId(), u.reason())).toList(),
        verdict.checkpoint().map(c -> new CheckpointView(c.seq(), c.at())).orElse(null));
  }
}

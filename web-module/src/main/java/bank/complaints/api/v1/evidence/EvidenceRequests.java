package bank.complaints.api.v1.evidence;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.evidence.EvidenceKind;
import bank.complaints.evidence.EvidenceSource;
import bank.complaints.evidence.NewEvidence;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** R-I5: evidence as the API takes it. */
public final class EvidenceRequests {

  private EvidenceRequests() {}

  /** An item registered without an upload: an external link, or an item whose file follows. */
  @Schema(name = "EvidenceRegistration")
  public static class Registration {
    @Schema(example = "BANK", description = "CUSTOMER (default) or BANK")
    public EvidenceSource source;

    @NotNull
    @Schema(example = "CCTV")
    public EvidenceKind kind;

    @NotBlank
    @Size(max = 500)
    @Schema(example = "营业厅 11月20日 09:00–10:00 监控录像")
    public String description;

    @Size(max = 2000)
    @Schema(example = "https://evidence.bank.example/cctv/20261120-0900")
    public String link;

    @NotBlank
    @Size(max = 100)
    @Schema(example = "运营管理部 赵六")
    public String registeredBy;

    NewEvidence toEvidence() {
      return evidence(source, kind, description, link);
    }
  }

  public static NewEvidence evidence(
      EvidenceSource source, EvidenceKind kind, String description, String link) {
    try {
      return new NewEvidence(
          source == null ? EvidenceSource.CUSTOMER : source,
          kind,
          description.strip(),
          link == null ? null : new URI(link.strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new InvalidRequestException("evidence link: " + e.getMessage() + ".");
    }
  }
}

package bank.complaints.api.v1.evidence;

import bank.complaints.evidence.EvidenceItem;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** R-I5: one evidence item of a case, as registered. */
@Schema(name = "EvidenceItem")
public record EvidenceView(
    @Schema(example = "1", description = "Numbered per case from 1") int number,
    @Schema(example = "CUSTOMER") String source,
    @Schema(example = "TRANSACTION_SCREENSHOT") String kind,
    String description,
    @Schema(description = "An external item's address") URI link,
    @Schema(example = "扣费截图.png") String fileName,
    @Schema(example = "image/png") String contentType,
    @Schema(example = "48213") Long sizeBytes,
    @Schema(
            example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            description = "SHA-256 of the uploaded bytes, recorded when they came in")
        String sha256,
    @Schema(description = "Where the bytes are served, for an uploaded file") String content,
    String registeredBy,
    OffsetDateTime registeredAt) {

  public static EvidenceView of(String complaintNumber, EvidenceItem item, ZoneId bankZone) {
    return new EvidenceView(
        item.number(),
        item.source().name(),
        item.kind().name(),
        item.description(),
        item.link().orElse(null),
        item.fileName(),
        item.contentType(),
        item.sizeBytes(),
        item.sha256(),
        item.hasFile()
            ? "/api/v1/complaints/" + complaintNumber + "/evidence/" + item.number() + "/content"
            : null,
        item.registeredBy(),
        item.registeredAt().atZone(bankZone).toOffsetDateTime());
  }

  /** R-I5: the outcome of checking the chain of evidence. */
  @Schema(name = "EvidenceVerification")
  public record Verification(
      @Schema(description = "True when every uploaded file still hashes to its recorded SHA-256")
          boolean intact,
      @Schema(description = "Numbers of the items whose stored bytes no longer match")
          List<Integer> broken,
      int filesChecked) {}
}

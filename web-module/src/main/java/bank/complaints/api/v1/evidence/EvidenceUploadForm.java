package bank.complaints.api.v1.evidence;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The parts of an evidence upload, for the OpenAPI document only: the resource reads the parts
 * itself so that a file is never held beyond the size limit.
 */
@Schema(
    name = "EvidenceUploadForm",
    requiredProperties = {"file", "kind", "description", "registeredBy"})
public class EvidenceUploadForm {

  @Schema(
      type = SchemaType.STRING,
      format = "binary",
      description =
          "The evidence itself, with a filename and a content type accepted by"
              + " complaints.evidence.content-types, at most complaints.evidence.max-bytes")
  public String file;

  @Schema(example = "TRANSACTION_SCREENSHOT")
  public String kind;

  @Schema(example = "扣费短信截图")
  public String description;

  @Schema(example = "手机银行 channel")
  public String registeredBy;

  @Schema(example = "CUSTOMER", description = "CUSTOMER (default) or BANK")
  public String source;
}

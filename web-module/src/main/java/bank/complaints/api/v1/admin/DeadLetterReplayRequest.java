package bank.complaints.api.v1.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which dead letters to send back: those meant for an address, of a type, at most so many. */
@Schema(name = "DeadLetterReplayRequest")
public class DeadLetterReplayRequest {

  @Pattern(regexp = "[A-Za-z0-9._-]{1,200}", message = "must be an address name")
  @Schema(
      description = "Only dead letters meant for this address (any when absent)",
      example = "complaints.results")
  public String originalAddress;

  @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be a message type")
  @Schema(description = "Only dead letters of this type (any when absent)", example = "TaskResult")
  public String messageType;

  @NotNull
  @Min(1)
  @Max(1000)
  @Schema(description = "At most this many, oldest first", example = "100")
  public Integer limit;
}

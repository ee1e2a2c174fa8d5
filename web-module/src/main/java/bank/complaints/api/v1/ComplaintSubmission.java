package bank.complaints.api.v1;

import bank.complaints.intake.Channel;
import bank.complaints.intake.NewComplaint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a channel system submits. */
@Schema(name = "ComplaintSubmission")
public record ComplaintSubmission(
    @NotNull @Schema(example = "MOBILE_APP") Channel channel,
    @NotNull @Valid Customer customer,
    @NotBlank @Size(max = 200) @Schema(example = "信用卡年费被重复扣收") String subject,
    @NotBlank @Size(max = 4000) @Schema(example = "2026年11月20日我的信用卡被扣了两次年费，请退还多扣的费用。")
        String description) {

  /** The customer who complains (R-I3). */
  @Schema(name = "SubmittedCustomer")
  public record Customer(
      @NotBlank @Size(max = 100) @Schema(example = "张三") String name,
      @NotNull
          @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland mobile number of 11 digits")
          @Schema(example = "13812345678")
          String mobile) {}

  NewComplaint toCommand() {
    return new NewComplaint(channel, customer.name().strip(), customer.mobile(), subject.strip(), description.strip());
  }
}

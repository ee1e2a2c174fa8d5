package bank.complaints.api.v1;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.intake.Channel;
import bank.complaints.intake.NewComplaint;
import bank.complaints.notification.NoticeMedium;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a channel system submits. A class with annotated fields rather than a record: Payara
 * 6.2025.9's OpenAPI scanner fails on constraint annotations that land on constructor or method
 * parameters (payara/Payara#7649), which a record's components do.
 */
@Schema(name = "ComplaintSubmission")
public class ComplaintSubmission {

  @NotNull
  @Schema(example = "MOBILE_APP")
  public Channel channel;

  @NotNull @Valid public Customer customer;

  @NotBlank
  @Size(max = 200)
  @Schema(example = "信用卡年费被重复扣收")
  public String subject;

  @NotBlank
  @Size(max = 4000)
  @Schema(example = "2026年11月20日我的信用卡被扣了两次年费，请退还多扣的费用。")
  public String description;

  /** The customer who complains (R-I3). */
  @Schema(name = "SubmittedCustomer")
  public static class Customer {

    @NotBlank
    @Size(max = 100)
    @Schema(example = "张三")
    public String name;

    @NotNull
    @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland mobile number of 11 digits")
    @Schema(example = "13812345678")
    public String mobile;

    @Email
    @Size(max = 254)
    @Schema(example = "zhangsan@example.com")
    public String email;

    @Schema(
        example = "SMS",
        description =
            "How the customer wants notices; by default in the app for app, WeChat and chat"
                + " channels, else by SMS. EMAIL needs an e-mail address.")
    public NoticeMedium noticeBy;
  }

  NewComplaint toCommand() {
    NoticeMedium noticeBy =
        customer.noticeBy != null ? customer.noticeBy : NoticeMedium.defaultFor(channel);
    if (noticeBy == NoticeMedium.EMAIL && customer.email == null) {
      throw new InvalidRequestException("customer.noticeBy EMAIL needs a customer.email.");
    }
    return new NewComplaint(
        channel,
        customer.name.strip(),
        customer.mobile,
        customer.email,
        noticeBy,
        subject.strip(),
        description.strip());
  }
}

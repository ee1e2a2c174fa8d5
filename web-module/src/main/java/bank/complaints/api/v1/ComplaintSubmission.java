package bank.complaints.api.v1;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.Money;
import bank.complaints.intake.AccountRef;
import bank.complaints.intake.Channel;
import bank.complaints.intake.Demand;
import bank.complaints.intake.DemandType;
import bank.complaints.intake.FeedbackType;
import bank.complaints.intake.IdentityDocument;
import bank.complaints.intake.NewComplaint;
import bank.complaints.notification.NoticeMedium;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
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

  @Schema(
      example = "COMPLAINT",
      description =
          "R-I2: COMPLAINT (default), SUGGESTION or INQUIRY; only complaints become cases")
  public FeedbackType feedbackType;

  @NotNull @Valid public Customer customer;

  @NotBlank
  @Size(max = 200)
  @Schema(example = "信用卡年费被重复扣收")
  public String subject;

  @NotBlank
  @Size(max = 4000)
  @Schema(example = "2026年11月20日我的信用卡被扣了两次年费，请退还多扣的费用。")
  public String description;

  @Size(max = 10)
  @Schema(description = "R-I3: the accounts or cards the complaint concerns, if any")
  public List<@NotNull @Valid SubmittedAccount> accounts;

  /** An account or card number (10–19 digits; a card passes the Luhn check). */
  @Schema(name = "SubmittedAccount")
  public static class SubmittedAccount {
    @NotNull
    @Schema(example = "CARD")
    public AccountRef.Kind kind;

    @NotNull
    @Pattern(regexp = "\\d{10,19}", message = "must be 10–19 digits")
    @Schema(example = "6222020200112233446")
    public String number;
  }

  @Valid
  @Schema(description = "R-I4: what the customer asks for")
  public SubmittedDemand demand;

  @Schema(
      example = "2026-11-20T10:15:00+08:00",
      description =
          "R-I6: when an offline or partner channel received it, if earlier than now (a letter);"
              + " online channels register as they receive")
  public OffsetDateTime receivedAt;

  @Size(max = 100)
  @Pattern(regexp = ".*\\S.*", message = "must not be blank")
  @Schema(
      example = "大堂经理 王五",
      description = "R-I6: the staff member who received it; required for offline channels")
  public String receivedBy;

  /** R-I4: the demand and its amount in CNY. */
  @Schema(name = "SubmittedDemand")
  public static class SubmittedDemand {
    @NotNull
    @Schema(example = "COMPENSATION")
    public DemandType type;

    @DecimalMin(value = "0.00", message = "must not be negative")
    @Digits(integer = 13, fraction = 2, message = "must be CNY with at most two decimals")
    @Schema(example = "5000.00", description = "CNY")
    public BigDecimal amount;

    @Size(max = 500)
    public String note;

    Demand toDemand() {
      return new Demand(
          type, amount == null ? null : new Money(amount), note == null ? null : note.strip());
    }
  }

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

    @Schema(example = "ID_CARD")
    public IdentityDocument.Type idType;

    @Pattern(regexp = "[0-9A-Z]{5,20}", message = "must be 5–20 digits or capital letters")
    @Schema(
        example = "11010519491231002X",
        description = "With idType; the ID card's check character is verified")
    public String idNumber;

    @Size(max = 300)
    @Schema(example = "北京市朝阳区建国路1号")
    public String address;

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
    if ((customer.idType == null) != (customer.idNumber == null)) {
      throw new InvalidRequestException("customer.idType and customer.idNumber go together.");
    }
    IdentityDocument identity;
    List<AccountRef> accountRefs;
    try {
      identity =
          customer.idType == null ? null : new IdentityDocument(customer.idType, customer.idNumber);
      accountRefs =
          accounts == null
              ? List.of()
              : accounts.stream().map(a -> new AccountRef(a.kind, a.number)).toList();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage() + ".");
    }
    return new NewComplaint(
        channel,
        feedbackType == null ? FeedbackType.COMPLAINT : feedbackType,
        customer.name.strip(),
        customer.mobile,
        customer.email,
        noticeBy,
        identity,
        customer.address == null ? null : customer.address.strip(),
        accountRefs,
        subject.strip(),
        description.strip(),
        demand == null ? null : demand.toDemand(),
        receivedAt == null ? null : receivedAt.toInstant(),
        receivedBy == null ? null : receivedBy.strip());
  }
}

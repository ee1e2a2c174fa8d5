package bank.complaints.api.v1.intake;

import bank.complaints.api.v1.evidence.EvidenceRequests;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.Money;
import bank.complaints.complaint.AccountRef;
import bank.complaints.complaint.Channel;
import bank.complaints.complaint.Demand;
import bank.complaints.complaint.DemandType;
import bank.complaints.complaint.FeedbackType;
import bank.complaints.complaint.IdentityDocument;
import bank.complaints.complaint.InvolvedStaff;
import bank.complaints.complaint.NoticeMedium;
import bank.complaints.complaint.ResultMedium;
import bank.complaints.evidence.EvidenceKind;
import bank.complaints.evidence.EvidenceSource;
import bank.complaints.evidence.NewEvidence;
import bank.complaints.intake.NewComplaint;
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

  @Schema(
      example = "2026-11-20T09:30:00+08:00",
      description = "R-I4: when it happened, if known; not after the complaint was received")
  public OffsetDateTime occurredAt;

  @Size(max = 200)
  @Pattern(regexp = ".*\\S.*", message = "must not be blank")
  @Schema(example = "朝阳支行营业厅", description = "R-I4: where it happened")
  public String occurredWhere;

  @Pattern(regexp = "[0-9]{6}", message = "must be a six-digit division code (GB/T 2260)")
  @Schema(
      example = "110000",
      description =
          "Beyond-rule 42: the province-level division (GB/T 2260) where the complaint arises, as"
              + " the regulator's returns count it; by default the bank's")
  public String region;

  @Size(max = 10)
  @Schema(description = "R-I4: the staff the complaint names (R-P2 keeps them off the case)")
  public List<@NotNull @Valid SubmittedStaff> staffInvolved;

  @Size(max = 10)
  @Schema(description = "R-I4: the products concerned", example = "[\"白金信用卡\"]")
  public List<@NotBlank @Size(max = 100) String> productsInvolved;

  @Size(max = 20)
  @Schema(
      description =
          "R-I5: the evidence the customer offers: external links (a video), or items whose files"
              + " follow through POST /complaints/{number}/evidence/files")
  public List<@NotNull @Valid SubmittedEvidence> evidence;

  /** R-I4: a staff member named in the complaint. */
  @Schema(name = "SubmittedStaff")
  public static class SubmittedStaff {
    @NotBlank
    @Size(max = 100)
    @Schema(example = "李四")
    public String name;

    @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be 1–32 letters, digits or -")
    @Schema(example = "E10023")
    public String employeeId;

    @Size(max = 100)
    @Pattern(regexp = ".*\\S.*", message = "must not be blank")
    @Schema(example = "朝阳支行")
    public String unit;

    InvolvedStaff toStaff() {
      return new InvolvedStaff(name.strip(), employeeId, unit == null ? null : unit.strip());
    }
  }

  /** R-I5: an evidence item offered with the complaint. */
  @Schema(name = "SubmittedEvidence")
  public static class SubmittedEvidence {
    @Schema(example = "CUSTOMER", description = "CUSTOMER (default) or BANK")
    public EvidenceSource source;

    @NotNull
    @Schema(example = "VIDEO_LINK")
    public EvidenceKind kind;

    @NotBlank
    @Size(max = 500)
    @Schema(example = "ATM 吞卡过程的视频")
    public String description;

    @Size(max = 2000)
    @Schema(example = "https://pan.example.com/s/abc123")
    public String link;

    NewEvidence toEvidence() {
      return EvidenceRequests.evidence(source, kind, description, link);
    }
  }

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

    @Schema(
        example = "LETTER",
        description =
            "R-F5: how the customer wants the result, if not like the notices; by default a letter"
                + " complaint's result goes by letter (by phone without an address), a counter"
                + " complaint's by a call from staff, others like the notices. LETTER needs an"
                + " address, EMAIL an e-mail address.")
    public ResultMedium resultBy;
  }

  NewComplaint toCommand() {
    NoticeMedium noticeBy =
        customer.noticeBy != null ? customer.noticeBy : NoticeMedium.defaultFor(channel);
    if (noticeBy == NoticeMedium.EMAIL && customer.email == null) {
      throw new InvalidRequestException("customer.noticeBy EMAIL needs a customer.email.");
    }
    boolean hasAddress = customer.address != null && !customer.address.isBlank();
    ResultMedium resultBy =
        ResultMedium.of(channel, customer.resultBy, customer.noticeBy, hasAddress);
    if (resultBy == ResultMedium.EMAIL && customer.email == null) {
      throw new InvalidRequestException("customer.resultBy EMAIL needs a customer.email.");
    }
    if (resultBy == ResultMedium.LETTER && !hasAddress) {
      throw new InvalidRequestException("customer.resultBy LETTER needs a customer.address.");
    }
    if ((customer.idType == null) != (customer.idNumber == null)) {
      throw new InvalidRequestException("customer.idType and customer.idNumber go together.");
    }
    IdentityDocument identity;
    List<AccountRef> accountRefs;
    List<NewEvidence> offered =
        evidence == null
            ? List.of()
            : evidence.stream().map(SubmittedEvidence::toEvidence).toList();
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
        resultBy,
        identity,
        customer.address == null ? null : customer.address.strip(),
        accountRefs,
        subject.strip(),
        description.strip(),
        occurredAt == null ? null : occurredAt.toInstant(),
        occurredWhere == null ? null : occurredWhere.strip(),
        region,
        staffInvolved == null
            ? List.of()
            : staffInvolved.stream().map(SubmittedStaff::toStaff).toList(),
        productsInvolved == null
            ? List.of()
            : productsInvolved.stream().map(String::strip).toList(),
        demand == null ? null : demand.toDemand(),
        offered,
        receivedAt == null ? null : receivedAt.toInstant(),
        receivedBy == null ? null : receivedBy.strip());
  }
}

package bank.complaints.api.v1.complaint;

import bank.complaints.caseprocess.CaseFiles;
import bank.complaints.common.Money;
import bank.complaints.complaint.Channel;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintStatus;
import bank.complaints.complaint.DemandType;
import bank.complaints.complaint.FeedbackType;
import bank.complaints.complaint.IdentityDocument;
import bank.complaints.complaint.NoticeMedium;
import bank.complaints.complaint.ResultMedium;
import bank.complaints.grading.Category;
import bank.complaints.grading.Severity;
import bank.complaints.insight.IncidentId;
import bank.complaints.insight.Memberships.Membership;
import bank.complaints.privacy.Masking;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint as the API shows it: personal data masked (R-S2), times in the bank's zone. */
@Schema(name = "Complaint")
public record ComplaintView(
    @Schema(example = "C20261123-0000042") String number,
    Channel channel,
    @Schema(example = "COMPLAINT") FeedbackType feedbackType,
    ComplaintStatus status,
    @Schema(example = "GREEN", description = "R-G1 severity") Severity severity,
    @Schema(example = "FEES", description = "R-G2 category") Category category,
    @Schema(description = "R-G1: a Red case's dedicated task force") boolean taskForce,
    @Schema(description = "R-I7 R-F2: found complex (a named owner, the overall clock)")
        boolean complex,
    @Schema(example = "CSC") String department,
    @Schema(description = "R-G1 R-F1: the departments joining the lead in a Red case's task force")
        List<String> taskForceDepartments,
    @Schema(example = "李强 (E10001)", description = "R-P2: the person handling the case")
        String handler,
    Customer customer,
    List<Account> accounts,
    String subject,
    String description,
    @Schema(example = "2026-11-20T09:30:00+08:00", description = "R-I4: when it happened")
        OffsetDateTime occurredAt,
    @Schema(example = "朝阳支行营业厅", description = "R-I4: where it happened") String occurredWhere,
    @Schema(description = "R-I4: the staff the complaint names") List<Staff> staffInvolved,
    @Schema(description = "R-I4: the products concerned") List<String> productsInvolved,
    // R-G3 cause tags. No @Schema here: Payara 6.2025.9's OpenAPI scanner takes any annotated
    // method whose name contains "set" (cau-seT-ags) for a setter and fails on its missing
    // parameter.
    List<String> causeTags,
    @Schema(
            description = "R-I7: the named owner of an urgent case",
            example = "值班主管 Duty manager CSC")
        String owner,
    @Schema(description = "R-X1: when this complaint repeats an earlier one by the same customer")
        Repeat repeat,
    @Schema(description = "R-X2: the mass-complaint incident this complaint is part of")
        Long incident,
    Demand demand,
    @Schema(example = "2026-11-23T16:05:00+08:00") OffsetDateTime receivedAt,
    @Schema(example = "大堂经理 王五") String receivedBy,
    @Schema(example = "2026-11-23T16:05:00+08:00") OffsetDateTime registeredAt,
    @Schema(
            description =
                "R-P3: the nearest deadline of the case's running clocks (on a read, not on submit)")
        OffsetDateTime nextDeadline,
    @Schema(
            description =
                "Beyond-rule: by when the decision must reach the customer (15 calendar days of"
                    + " receipt, or as extended); while it has not (on a read, not on submit)")
        OffsetDateTime decisionDueBy,
    @Schema(description = "R-P3: what happened and why, as the customer may see it (on a read)")
        List<Step> timeline) {

  /** R-X1: the series this complaint belongs to. */
  @Schema(name = "ComplaintRepeat")
  public record Repeat(
      @Schema(example = "C20261101-0000007", description = "the first complaint on the issue")
          String of,
      @Schema(example = "3", description = "this complaint's place in the series") int place,
      @Schema(description = "past the configured count: a supervisor leads") boolean supervisorLed,
      @Schema(example = "值班主管 Duty manager CSC") String follower) {}

  /** R-I4: the customer's demand, the amount in CNY. */
  @Schema(name = "ComplaintDemand")
  public record Demand(
      @Schema(example = "COMPENSATION") DemandType type,
      @Schema(example = "5000.00", description = "CNY", multipleOf = 0.01) BigDecimal amount,
      @Schema(example = "CNY") String currency,
      String note) {}

  /** R-I4: a staff member the complaint names. */
  @Schema(name = "ComplaintStaff")
  public record Staff(
      @Schema(example = "李四") String name,
      @Schema(example = "E10023") String employeeId,
      @Schema(example = "朝阳支行") String unit) {}

  /** One customer-visible step of the case. */
  @Schema(name = "ComplaintStep")
  public record Step(OffsetDateTime at, @Schema(example = "REGISTERED") String kind, String what) {}

  /** R-S2: identity and mobile masked. */
  @Schema(name = "ComplaintCustomer")
  public record Customer(
      String name,
      @Schema(example = "138****5678") String mobile,
      @Schema(example = "ID_CARD") IdentityDocument.Type idType,
      @Schema(example = "**************002X") String idNumber,
      String address,
      @Schema(example = "SMS", description = "How notices reach the customer (R-I7)")
          NoticeMedium noticeBy,
      @Schema(
              example = "LETTER",
              description =
                  "How the result reaches the customer (R-F5): LETTER and PHONE_CALL by staff")
          ResultMedium resultBy) {}

  /** R-I3, R-S2: an account or card, masked. */
  @Schema(name = "ComplaintAccount")
  public record Account(
      @Schema(example = "CARD") String kind,
      @Schema(example = "***************3446") String number) {}

  public static ComplaintView of(Complaint complaint, Membership membership, ZoneId bankZone) {
    return of(complaint, membership, null, null, null, bankZone);
  }

  public static ComplaintView of(CaseFiles.Progress progress, ZoneId bankZone) {
    return of(
        progress.complaint(),
        progress.membership(),
        progress.nextDeadline().map(t -> t.atZone(bankZone).toOffsetDateTime()).orElse(null),
        progress.decisionDueBy().map(t -> t.atZone(bankZone).toOffsetDateTime()).orElse(null),
        progress.timeline().stream()
            .map(
                e ->
                    new Step(
                        e.at().atZone(bankZone).toOffsetDateTime(), e.kind().name(), e.summary()))
            .toList(),
        bankZone);
  }

  private static ComplaintView of(
      Complaint complaint,
      Membership membership,
      OffsetDateTime nextDeadline,
      OffsetDateTime decisionDueBy,
      List<Step> timeline,
      ZoneId bankZone) {
    return new ComplaintView(
        complaint.number().value(),
        complaint.channel(),
        complaint.feedbackType(),
        complaint.status(),
        complaint.severity(),
        complaint.category(),
        complaint.taskForce(),
        complaint.complex(),
        complaint.department() == null ? null : complaint.department().value(),
        complaint.taskForceDepartments().stream().map(d -> d.value()).sorted().toList(),
        complaint.handler().orElse(null),
        new Customer(
            complaint.customer().name(),
            Masking.mobile(complaint.customer().mobile()),
            complaint.customer().identity().map(d -> d.type()).orElse(null),
            complaint.customer().identity().map(d -> Masking.identifier(d.number())).orElse(null),
            complaint.customer().address(),
            complaint.noticeBy(),
            complaint.resultBy()),
        complaint.accounts().stream()
            .map(a -> new Account(a.kind().name(), Masking.identifier(a.number())))
            .toList(),
        complaint.subject(),
        // R-S2: a number the customer typed into the description is masked here; the audited
        // personal-data read gives it in full.
        Masking.numbersIn(complaint.description()),
        complaint.occurredAt().map(t -> t.atZone(bankZone).toOffsetDateTime()).orElse(null),
        complaint.occurredWhere(),
        complaint.staffInvolved().stream()
            .map(s -> new Staff(s.name(), s.employeeId(), s.unit()))
            .toList(),
        complaint.productsInvolved(),
        complaint.causeTags().stream().map(Enum::name).toList(),
        complaint.owner().orElse(null),
        membership
            .repeat()
            .map(
                link ->
                    new Repeat(
                        link.first().value(),
                        link.place(),
                        complaint.supervisorLed(),
                        complaint.follower().orElse(null)))
            .orElse(null),
        membership.incident().map(IncidentId::value).orElse(null),
        complaint
            .demand()
            .map(
                d ->
                    new Demand(
                        d.type(),
                        d.amount() == null ? null : d.amount().amount(),
                        d.amount() == null ? null : Money.CURRENCY,
                        d.note()))
            .orElse(null),
        complaint.receivedAt().atZone(bankZone).toOffsetDateTime(),
        complaint.receivedBy(),
        complaint.registeredAt().atZone(bankZone).toOffsetDateTime(),
        nextDeadline,
        decisionDueBy,
        timeline);
  }
}

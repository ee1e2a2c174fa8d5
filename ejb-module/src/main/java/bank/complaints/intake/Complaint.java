package bank.complaints.intake;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.Money;
import bank.complaints.common.RuleViolationException;
import bank.complaints.grading.Category;
import bank.complaints.grading.Grade;
import bank.complaints.grading.Severity;
import bank.complaints.notification.NoticeMedium;
import bank.complaints.routing.DepartmentCode;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A customer's complaint: the case the whole process drives. */
@Entity
@Table(name = "complaint")
public class Complaint {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "complaint_seq")
  @SequenceGenerator(name = "complaint_seq", sequenceName = "complaint_seq", allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "complaint_number", nullable = false, unique = true, updatable = false)
  private ComplaintNumber number;

  @Enumerated(EnumType.STRING)
  @Column(name = "channel", nullable = false, updatable = false)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "feedback_type", nullable = false, updatable = false)
  private FeedbackType feedbackType;

  @Enumerated(EnumType.STRING)
  @Column(name = "demand_type")
  private DemandType demandType;

  /** CNY, to the fen. */
  @Column(name = "demand_amount")
  private BigDecimal demandAmount;

  @Column(name = "demand_note")
  private String demandNote;

  /** R-I6: the staff member who recorded an offline complaint. */
  @Column(name = "received_by", updatable = false)
  private String receivedBy;

  @Column(name = "registered_at", nullable = false, updatable = false)
  private OffsetDateTime registeredAt;

  @Column(name = "customer_name", nullable = false)
  private String customerName;

  @Column(name = "customer_mobile", nullable = false)
  private String customerMobile;

  @Column(name = "customer_email")
  private String customerEmail;

  @Enumerated(EnumType.STRING)
  @Column(name = "id_type")
  private IdentityDocument.Type idType;

  /** R-S2: personal data, masked wherever shown. */
  @Column(name = "id_number")
  private String idNumber;

  @Column(name = "customer_address")
  private String customerAddress;

  /** R-I3: the accounts or cards the complaint concerns (R-S2: masked wherever shown). */
  @ElementCollection
  @CollectionTable(name = "complaint_account", joinColumns = @JoinColumn(name = "complaint_id"))
  @OrderColumn(name = "position")
  private List<AccountRef> accounts = new ArrayList<>();

  /** R-I7: how notices reach the customer. */
  @Enumerated(EnumType.STRING)
  @Column(name = "notice_by", nullable = false)
  private NoticeMedium noticeBy;

  @Column(name = "subject", nullable = false)
  private String subject;

  @Column(name = "description", nullable = false)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private ComplaintStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "severity", nullable = false)
  private Severity severity;

  @Enumerated(EnumType.STRING)
  @Column(name = "category", nullable = false)
  private Category category;

  /** R-G1: a Red case has a dedicated task force from the start. */
  @Column(name = "task_force", nullable = false)
  private boolean taskForce;

  /** R-I7: when the customer was contacted to confirm receipt. */
  @Column(name = "customer_contacted_at")
  private OffsetDateTime customerContactedAt;

  @Column(name = "department_code")
  private DepartmentCode department;

  /** UTC at rest. */
  @Column(name = "received_at", nullable = false, updatable = false)
  private OffsetDateTime receivedAt;

  @Version
  @Column(name = "version")
  private long version;

  protected Complaint() {}

  /**
   * A complaint registered now, not yet numbered (its number comes from its identity). It was
   * received now, or earlier when staff record an offline complaint (a letter, a counter visit).
   */
  public static Complaint receive(NewComplaint submitted, Instant now) {
    Instant receivedAt = submitted.receivedAt() == null ? now : submitted.receivedAt();
    if (receivedAt.isAfter(now)) {
      throw new InvalidRequestException("A complaint cannot be received in the future.");
    }
    if (submitted.receivedAt() != null && submitted.channel().kind() == Channel.Kind.ONLINE) {
      throw new InvalidRequestException(
          "An online channel registers complaints as they arrive; receivedAt is for offline"
              + " and partner channels.");
    }
    if (submitted.channel().staffRecorded() && submitted.receivedBy() == null) {
      throw new InvalidRequestException(
          "A complaint from " + submitted.channel() + " names the staff member who received it.");
    }
    Complaint complaint = new Complaint();
    complaint.channel = submitted.channel();
    complaint.feedbackType = submitted.feedbackType();
    complaint.receivedBy = submitted.receivedBy();
    complaint.registeredAt = now.atOffset(ZoneOffset.UTC);
    Demand demand = submitted.demand();
    if (demand != null) {
      complaint.demandType = demand.type();
      complaint.demandAmount = demand.amount() == null ? null : demand.amount().amount();
      complaint.demandNote = demand.note();
    }
    complaint.customerName = submitted.customerName();
    complaint.customerMobile = submitted.customerMobile();
    complaint.customerEmail = submitted.customerEmail();
    if (submitted.identity() != null) {
      complaint.idType = submitted.identity().type();
      complaint.idNumber = submitted.identity().number();
    }
    complaint.customerAddress = submitted.customerAddress();
    complaint.accounts = new ArrayList<>(submitted.accounts());
    complaint.noticeBy = submitted.noticeBy();
    complaint.subject = submitted.subject();
    complaint.description = submitted.description();
    complaint.status = ComplaintStatus.REGISTERED;
    complaint.severity = Severity.GREEN; // until graded
    complaint.category = Category.OTHER;
    complaint.receivedAt = receivedAt.atOffset(ZoneOffset.UTC);
    return complaint;
  }

  /** Issues the number once the complaint has its identity (after persist). */
  public void issueNumber(ZoneId bankZone) {
    if (id == null) {
      throw new IllegalStateException("a complaint is numbered after it is persisted");
    }
    if (number == null) {
      number = ComplaintNumber.issue(receivedAt(), bankZone, id);
    }
  }

  /** Hands the complaint to the department responsible for it (R-F1). */
  public void assignTo(DepartmentCode responsible) {
    moveTo(ComplaintStatus.ASSIGNED);
    this.department = responsible;
  }

  /**
   * R-G1, R-G2: takes a severity and category (proposed by the rules at intake, or changed by
   * staff). A Red case gets its task force at once, and keeps it if later regraded.
   */
  public void grade(Grade grade) {
    this.severity = grade.severity();
    this.category = grade.category();
    if (grade.severity() == Severity.RED) {
      taskForce = true;
    }
  }

  /** R-I7: the customer has been contacted to confirm receipt; recorded once. */
  public void customerContacted(Instant at) {
    if (customerContactedAt != null) {
      throw new RuleViolationException(
          "The customer of " + number + " was already contacted at " + customerContactedAt + ".");
    }
    customerContactedAt = at.atOffset(ZoneOffset.UTC);
  }

  /** R-F1: the responsible department starts its investigation. */
  public void startInvestigation() {
    moveTo(ComplaintStatus.INVESTIGATING);
  }

  private void moveTo(ComplaintStatus target) {
    if (!status.canMoveTo(target)) {
      throw new RuleViolationException(
          "Complaint " + number + " is " + status + " and cannot become " + target + ".");
    }
    status = target;
  }

  public Long id() {
    return id;
  }

  public ComplaintNumber number() {
    return number;
  }

  public Channel channel() {
    return channel;
  }

  public String customerName() {
    return customerName;
  }

  public String customerMobile() {
    return customerMobile;
  }

  public Optional<IdentityDocument> identity() {
    return idType == null ? Optional.empty() : Optional.of(new IdentityDocument(idType, idNumber));
  }

  public String customerAddress() {
    return customerAddress;
  }

  public List<AccountRef> accounts() {
    return List.copyOf(accounts);
  }

  public String customerEmail() {
    return customerEmail;
  }

  public NoticeMedium noticeBy() {
    return noticeBy;
  }

  public String subject() {
    return subject;
  }

  public String description() {
    return description;
  }

  public ComplaintStatus status() {
    return status;
  }

  public FeedbackType feedbackType() {
    return feedbackType;
  }

  /** R-I2: only complaints run the full case process. */
  public boolean runsCaseProcess() {
    return feedbackType == FeedbackType.COMPLAINT;
  }

  public Optional<Demand> demand() {
    return demandType == null
        ? Optional.empty()
        : Optional.of(
            new Demand(
                demandType, demandAmount == null ? null : new Money(demandAmount), demandNote));
  }

  public String receivedBy() {
    return receivedBy;
  }

  public Instant registeredAt() {
    return registeredAt.toInstant();
  }

  public Severity severity() {
    return severity;
  }

  public Category category() {
    return category;
  }

  public boolean taskForce() {
    return taskForce;
  }

  public Optional<Instant> customerContactedAt() {
    return Optional.ofNullable(customerContactedAt).map(OffsetDateTime::toInstant);
  }

  public DepartmentCode department() {
    return department;
  }

  public Instant receivedAt() {
    return receivedAt.toInstant();
  }
}

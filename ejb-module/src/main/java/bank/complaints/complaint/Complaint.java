package bank.complaints.complaint;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.RuleViolationException;
import bank.complaints.department.DepartmentCode;
import bank.complaints.department.DepartmentCodeConverter;
import bank.complaints.grading.Category;
import bank.complaints.grading.CauseTag;
import bank.complaints.grading.Grade;
import bank.complaints.grading.Severity;
import bank.complaints.privacy.Sealed;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A customer's complaint: the case the whole process drives. */
@Entity
@Table(name = "complaint")
public class Complaint {

  // Ids in blocks of 1,000: the sequence's increment (V42, issue 18).
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "complaint_seq")
  @SequenceGenerator(name = "complaint_seq", sequenceName = "complaint_seq", allocationSize = 1000)
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

  /** R-I4: what the customer asks for, if they said. */
  @Embedded private Demand demand;

  /** R-I6: the staff member who recorded an offline complaint. */
  @Column(name = "received_by", updatable = false)
  private String receivedBy;

  @Column(name = "registered_at", nullable = false, updatable = false)
  private OffsetDateTime registeredAt;

  /** R-I3, R-S2: who the complaint is about, sealed at rest, with its lookup hashes. */
  @Embedded private Customer customer;

  /** R-X1: past the configured count of repeats a supervisor leads the case. */
  @Column(name = "supervisor_led", nullable = false)
  private boolean supervisorLed;

  /** R-X2: what makes complaints similar (channel, category, products, as configured). */
  @Column(name = "similarity_key")
  private String similarityKey;

  /** R-X1: the named person who follows a supervisor-led repeat until it is solved. */
  @Column(name = "follower")
  private String follower;

  /**
   * R-I3: the accounts or cards the complaint concerns (R-S2: masked wherever shown). Persisted
   * with the complaint, when it is persisted: the one relationship besides {@link #staffInvolved}
   * that cascades.
   */
  @OneToMany(mappedBy = "complaint", cascade = CascadeType.PERSIST)
  @OrderBy("position")
  private List<ComplaintAccount> accounts = new ArrayList<>();

  /** R-I7: how notices reach the customer. */
  @Enumerated(EnumType.STRING)
  @Column(name = "notice_by", nullable = false)
  private NoticeMedium noticeBy;

  /** R-F5: how the result reaches the customer (by staff for letters and counters). */
  @Enumerated(EnumType.STRING)
  @Column(name = "result_by", nullable = false)
  private ResultMedium resultBy;

  /**
   * A short title, kept readable so that operations find a case by it; numbers typed into it leave
   * on queues masked (R-S2).
   */
  @Column(name = "subject", nullable = false)
  private String subject;

  /** R-S2: sealed at rest: customers type card, account and phone numbers into it. */
  @Convert(converter = Sealed.class)
  @Column(name = "description", nullable = false)
  private String description;

  /** R-I4: when it happened (UTC), if the customer said. */
  @Column(name = "occurred_at")
  private OffsetDateTime occurredAt;

  /** R-I4: where it happened (a branch, an ATM, a page of the app). */
  @Column(name = "occurred_where")
  private String occurredWhere;

  /** Beyond-rule 42: the province-level division (GB/T 2260) the complaint arises in. */
  @Column(name = "region", updatable = false)
  private String region;

  /**
   * R-I4: the staff the complaint names (R-P2 keeps them off the case). Persisted with the
   * complaint, as {@link #accounts} are.
   */
  @OneToMany(mappedBy = "complaint", cascade = CascadeType.PERSIST)
  @OrderBy("position")
  private List<ComplaintStaff> staffInvolved = new ArrayList<>();

  /** R-I4: the products the complaint concerns. */
  @ElementCollection
  @CollectionTable(name = "complaint_product", joinColumns = @JoinColumn(name = "complaint_id"))
  @OrderColumn(name = "position")
  @Column(name = "product", nullable = false)
  private List<String> productsInvolved = new ArrayList<>();

  /** R-G3: cause tags for root-cause analysis. */
  @ElementCollection
  @CollectionTable(name = "complaint_cause_tag", joinColumns = @JoinColumn(name = "complaint_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "tag", nullable = false)
  private Set<CauseTag> causeTags = EnumSet.noneOf(CauseTag.class);

  /** R-I7: the person answerable for an urgent or complex case from the start. */
  @Column(name = "owner_name")
  private String owner;

  /** R-G1, R-F1: the departments of a Red case's task force besides the lead. */
  @ElementCollection
  @CollectionTable(name = "complaint_task_force", joinColumns = @JoinColumn(name = "complaint_id"))
  @Column(name = "department_code", nullable = false)
  @Convert(converter = DepartmentCodeConverter.class) // auto-apply misses element collections
  private Set<DepartmentCode> taskForceDepartments = new HashSet<>();

  /** R-P2: the person handling the case. */
  @Column(name = "handler_name")
  private String handlerName;

  @Column(name = "handler_employee_id")
  private String handlerEmployeeId;

  /** R-F6, R-F8: how often the customer rejected a result and the case was reopened. */
  @Column(name = "reopen_count", nullable = false)
  private int reopenCount;

  /** R-X3: the lawful alternatives offered, and the customer's choice, once referred. */
  @Embedded private Referral referral;

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

  /** R-I7, R-F2: found complex (by a supervisor or department head, with a reason). */
  @Column(name = "complex", nullable = false)
  private boolean complex;

  @Column(name = "complex_reason")
  private String complexReason;

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
  public static Complaint receive(ComplaintDetails submitted, Instant now) {
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
      complaint.demand = new Demand(demand.type(), demand.amount(), demand.note());
    }
    complaint.customer =
        new Customer(
            submitted.customerName(),
            submitted.customerMobile(),
            submitted.customerEmail(),
            submitted.identity(),
            submitted.customerAddress());
    complaint.accounts = ComplaintAccount.listed(complaint, submitted.accounts());
    complaint.noticeBy = submitted.noticeBy();
    complaint.resultBy = submitted.resultBy();
    complaint.subject = submitted.subject();
    complaint.description = submitted.description();
    if (submitted.occurredAt() != null && submitted.occurredAt().isAfter(now)) {
      throw new InvalidRequestException("What the complaint is about cannot happen in the future.");
    }
    if (submitted.occurredAt() != null && submitted.occurredAt().isAfter(receivedAt)) {
      throw new InvalidRequestException(
          "What the complaint is about cannot happen after the complaint was received.");
    }
    complaint.occurredAt =
        submitted.occurredAt() == null ? null : submitted.occurredAt().atOffset(ZoneOffset.UTC);
    complaint.occurredWhere = submitted.occurredWhere();
    complaint.region = submitted.region();
    complaint.staffInvolved = ComplaintStaff.listed(complaint, submitted.staffInvolved());
    complaint.productsInvolved = new ArrayList<>(submitted.productsInvolved());
    complaint.status = ComplaintStatus.REGISTERED;
    complaint.severity = Severity.GREEN; // until graded
    complaint.category = Category.OTHER;
    complaint.receivedAt = receivedAt.atOffset(ZoneOffset.UTC);
    return complaint;
  }

  /**
   * R-S2: the keyed hashes by which the same customer is found again, computed by the caller
   * holding the lookup key; the numbers themselves are stored only encrypted.
   */
  public void keyLookups(UnaryOperator<String> keyedHash) {
    customer.keyLookups(keyedHash);
  }

  /**
   * R-X1: more complaints on one issue than allowed: a supervisor leads, a named person follows.
   */
  public void ledBySupervisor(String follower) {
    this.supervisorLed = true;
    this.follower = follower;
  }

  /** R-X2: set once graded, when the complaint's similarity to others is judged. */
  public void similarTo(String key) {
    this.similarityKey = key;
  }

  /** R-X2: what makes it similar to others, if it counts towards a mass incident. */
  public Optional<String> similarityKey() {
    return Optional.ofNullable(similarityKey);
  }

  public boolean supervisorLed() {
    return supervisorLed;
  }

  public Optional<String> follower() {
    return Optional.ofNullable(follower);
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
    mustNotBeArchived("regrading");
    this.severity = grade.severity();
    this.category = grade.category();
    if (grade.severity() == Severity.RED) {
      taskForce = true;
    }
  }

  /** R-G3: replaces the cause tags; true when they changed. */
  public boolean tagCauses(Set<CauseTag> tags) {
    mustNotBeArchived("cause tags");
    Set<CauseTag> replacement =
        tags.isEmpty() ? EnumSet.noneOf(CauseTag.class) : EnumSet.copyOf(tags);
    if (replacement.equals(causeTags)) {
      return false;
    }
    causeTags.clear();
    causeTags.addAll(replacement);
    return true;
  }

  /** R-G3: adds tags proposed by the rules, keeping those already set. */
  public void addCauseTags(Set<CauseTag> tags) {
    mustNotBeArchived("cause tags");
    causeTags.addAll(tags);
  }

  /** R-I7: names the person answerable for the case; the first one named stays. */
  public boolean nameOwner(String person) {
    if (owner != null) {
      return false;
    }
    owner = person;
    return true;
  }

  /** R-P2: whether the complaint names this employee. */
  public boolean namesEmployee(String employeeId) {
    return staffInvolved().stream().anyMatch(s -> employeeId.equals(s.employeeId()));
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

  /** R-F1: another department takes the case over, while it is assigned or investigated. */
  public void reassignTo(DepartmentCode responsible) {
    mustNotBeArchived("reassignment");
    if (status != ComplaintStatus.ASSIGNED && status != ComplaintStatus.INVESTIGATING) {
      throw new RuleViolationException(
          "Complaint " + number.value() + " is " + status + "; only an open investigation moves.");
    }
    if (responsible.equals(department)) {
      throw new RuleViolationException(
          "Complaint " + number.value() + " is already with " + responsible.value() + ".");
    }
    department = responsible;
    handlerName = null;
    handlerEmployeeId = null;
  }

  /**
   * R-G1, R-F1: the departments that join the lead in a Red case's task force; R-X1: or in a
   * supervisor-led repeat's.
   */
  public void formTaskForce(Collection<DepartmentCode> members) {
    if (!taskForce && !supervisorLed) {
      throw new RuleViolationException(
          "Only an urgent complaint or a supervisor-led repeat has a task force.");
    }
    taskForce = true;
    taskForceDepartments.addAll(members);
  }

  /** R-P2: names the handler (the caller has checked that the complaint does not name them). */
  public void nameHandler(String name, String employeeId) {
    mustNotBeArchived("a handler");
    handlerName = name;
    handlerEmployeeId = employeeId;
  }

  public Set<DepartmentCode> taskForceDepartments() {
    return Set.copyOf(taskForceDepartments);
  }

  public Optional<String> handler() {
    return Optional.ofNullable(handlerName)
        .map(n -> handlerEmployeeId == null ? n : n + " (" + handlerEmployeeId + ")");
  }

  /** R-F3: a resolution is proposed and goes for approval. */
  public void proposeResolution() {
    moveTo(ComplaintStatus.RESOLUTION_PROPOSED);
  }

  /** R-F4: an approver sent the proposal back. */
  public void resolutionRejected() {
    moveTo(ComplaintStatus.INVESTIGATING);
  }

  /** R-F5: approved, and told to the customer. */
  public void resultNotified() {
    moveTo(ComplaintStatus.RESULT_NOTIFIED);
  }

  /** R-F6: the customer accepted; the resolution is carried out. */
  public void customerAccepted() {
    moveTo(ComplaintStatus.EXECUTING);
  }

  /** R-F6, R-F8: the customer rejected the result; the case goes back to investigation. */
  public void reopen() {
    moveTo(ComplaintStatus.INVESTIGATING);
    reopenCount++;
  }

  /** R-F7: carried out; the follow-up call comes next. */
  public void executed() {
    moveTo(ComplaintStatus.FOLLOW_UP);
  }

  /** R-P4, R-F8: concluded, the customer's reaction recorded. */
  public void close() {
    moveTo(ComplaintStatus.CLOSED);
  }

  /** R-X3: beyond the bank's remit; what was offered and what the customer chose. */
  public void referOutside(List<String> offered, String chosen) {
    Referral referred = new Referral(offered, chosen);
    moveTo(ComplaintStatus.REFERRED_OUTSIDE);
    referral = referred;
  }

  /** R-F9: the file is kept as one record. */
  public void archive() {
    moveTo(ComplaintStatus.ARCHIVED);
  }

  /** R-F9: an archived case's file is frozen: nothing about it changes any more. */
  private void mustNotBeArchived(String change) {
    if (status == ComplaintStatus.ARCHIVED) {
      throw new RuleViolationException(
          "Complaint " + number.value() + " is archived and its file frozen: no " + change + ".");
    }
  }

  private void moveTo(ComplaintStatus target) {
    if (!status.canMoveTo(target)) {
      throw new RuleViolationException(
          "Complaint "
              + (number == null ? "(new)" : number.value())
              + " is "
              + status
              + " and cannot become "
              + target
              + (status.next().isEmpty() ? "." : "; from " + status + ": " + status.next() + "."));
    }
    status = target;
  }

  public int reopenCount() {
    return reopenCount;
  }

  public Optional<Referral> referral() {
    return Optional.ofNullable(referral);
  }

  /** Its identity, once stored (null before). */
  public ComplaintId id() {
    return id == null ? null : new ComplaintId(id);
  }

  public ComplaintNumber number() {
    return number;
  }

  public Channel channel() {
    return channel;
  }

  public Customer customer() {
    return customer;
  }

  /**
   * For {@link Complaints#toShow} only: a read-only complaint's lists, read there in one statement
   * instead of one query each. Never on a complaint that is to be changed.
   */
  void shownWith(
      List<AccountRef> accounts,
      List<InvolvedStaff> staffInvolved,
      List<String> productsInvolved,
      Set<CauseTag> causeTags,
      Set<DepartmentCode> taskForceDepartments) {
    this.accounts = ComplaintAccount.listed(this, accounts);
    this.staffInvolved = ComplaintStaff.listed(this, staffInvolved);
    this.productsInvolved = productsInvolved;
    this.causeTags = causeTags;
    this.taskForceDepartments = taskForceDepartments;
  }

  public List<AccountRef> accounts() {
    return accounts.stream().map(ComplaintAccount::account).toList();
  }

  public NoticeMedium noticeBy() {
    return noticeBy;
  }

  public ResultMedium resultBy() {
    return resultBy;
  }

  public String subject() {
    return subject;
  }

  public String description() {
    return description;
  }

  public Optional<Instant> occurredAt() {
    return Optional.ofNullable(occurredAt).map(OffsetDateTime::toInstant);
  }

  /** The division the complaint arises in, when the channel said. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  public String occurredWhere() {
    return occurredWhere;
  }

  public List<InvolvedStaff> staffInvolved() {
    return staffInvolved.stream().map(ComplaintStaff::staff).toList();
  }

  public List<String> productsInvolved() {
    return List.copyOf(productsInvolved);
  }

  /** In the order the enum declares them. */
  public Set<CauseTag> causeTags() {
    return causeTags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(causeTags));
  }

  public Optional<String> owner() {
    return Optional.ofNullable(owner);
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
    return Optional.ofNullable(demand);
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

  /** R-I7, R-F2: whether the case was found complex. */
  public boolean complex() {
    return complex;
  }

  /**
   * R-I7, R-F2: the case is complex: it gets a named owner, the overall clock, and first findings
   * within 4 working days. Only while it is being worked (before the result is told).
   *
   * @return false when it was already complex
   */
  public boolean markComplex(String reason) {
    mustNotBeArchived("marking complex");
    if (complex) {
      return false;
    }
    if (!EnumSet.of(
            ComplaintStatus.REGISTERED, ComplaintStatus.ASSIGNED, ComplaintStatus.INVESTIGATING)
        .contains(status)) {
      throw new RuleViolationException(
          "Only a case not yet answered can be found complex; " + number + " is " + status + ".");
    }
    complex = true;
    complexReason = reason;
    return true;
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

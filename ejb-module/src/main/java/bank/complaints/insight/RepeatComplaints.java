package bank.complaints.insight;

import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.Customer;
import bank.complaints.complaint.FeedbackType;
import bank.complaints.complaint.IdentityDocument;
import bank.complaints.complaint.PendingComplaints;
import bank.complaints.department.Department;
import bank.complaints.department.DepartmentRole;
import bank.complaints.department.Departments;
import bank.complaints.escalation.EscalationMessages;
import bank.complaints.grading.Category;
import bank.complaints.outbox.Outbox;
import bank.complaints.platform.TransactionLocal;
import bank.complaints.privacy.PersonalDataKeys;
import bank.complaints.sla.Recipient;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.Dispatch;
import bank.complaints.tasks.TaskKind;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * R-X1: recognises a complaint by a customer who complained before on the same or a related issue
 * within the look-back window. The customer is known by identity (the keyed hash of the ID number,
 * else of the mobile), the issue by category; which categories count as related, the window and the
 * count past which a supervisor leads are configuration. Every repeat gets a supervisor review
 * task; past the count the case is escalated to the supervisor, led by them with the responsible
 * department and customer service, and a named person follows it.
 */
@ApplicationScoped
public class RepeatComplaints {

  @Inject TransactionLocal transaction;

  @Inject EntityManager em;

  @Inject Outbox outbox;

  @Inject Timeline timeline;

  @Inject Departments departments;

  @Inject Memberships memberships;

  @Inject Dispatch dispatch;

  @Inject PendingComplaints pending;

  @Inject RecognitionLocks locks;

  @Inject
  @ConfigProperty(name = "complaints.repeat.window")
  Duration window;

  @Inject
  @ConfigProperty(name = "complaints.repeat.escalate-above")
  int escalateAbove;

  /** Groups of related categories, e.g. {@code FEES+PRODUCT;SYSTEM+SECURITY}; none by default. */
  @Inject
  @ConfigProperty(name = "complaints.repeat.related-categories")
  Optional<String> relatedCategories;

  /**
   * The transaction's customers asked about ahead ({@link #askAhead}), each with what was found.
   */
  private static final Object ASKED = RepeatComplaints.class.getName() + ".asked";

  /** What recognising the complaint found. */
  public record Repeat(RepeatLink link, boolean escalated) {}

  /**
   * The lock ({@link RecognitionLocks}) a registration holds before it asks for the customer's
   * earlier complaints: one per customer.
   */
  public static String lockOn(IdentityDocument identity, String mobile) {
    return "customer " + Customer.recognisedBy(identity, mobile);
  }

  /**
   * Issue 18: asks once, for all the customers a transaction is about to register complaints of,
   * for their complaints within the look-back window (any category); {@link #recognise} then takes
   * a customer's earlier complaints from there, not from a query of its own, and adds each
   * complaint it recognises, so that the next one of the same customer in the transaction sees it.
   * The customers' locks ({@link #lockOn}) must be held: nobody else registers for them until the
   * commit.
   *
   * @param customers each by what recognises them ({@link Customer#recognisedBy}), whose keyed hash
   *     is their key
   */
  public void askAhead(Collection<String> customers, Instant now) {
    transaction.require("RepeatComplaints.askAhead");
    UnaryOperator<String> keyedHash = PersonalDataKeys.current()::lookupHash;
    ask(customers.stream().map(keyedHash).distinct().toList(), now);
  }

  /** Reads the window's complaints of the customers (by key) not asked about yet. */
  private void ask(List<String> customers, Instant now) {
    Map<String, List<Complaint>> asked = asked();
    List<String> keys = customers.stream().filter(k -> !asked.containsKey(k)).toList();
    if (keys.isEmpty()) {
      return;
    }
    // Only rows written before: the complaints of this transaction are added as they are seen.
    List<Complaint> found =
        em.createQuery(
                "select c from Complaint c where c.customer.key in :customers"
                    + " and c.feedbackType = :complaint and c.receivedAt >= :since",
                Complaint.class)
            .setFlushMode(FlushModeType.COMMIT)
            .setParameter("customers", keys)
            .setParameter("complaint", FeedbackType.COMPLAINT)
            .setParameter("since", OffsetDateTime.ofInstant(now.minus(window), ZoneOffset.UTC))
            .getResultList();
    keys.forEach(k -> asked.put(k, new ArrayList<>()));
    found.forEach(c -> asked.get(c.customer().key()).add(c));
  }

  /**
   * Called at registration, once the complaint is numbered, graded and assigned.
   *
   * @param due when the supervisor's review is due (the first-response deadline)
   */
  public Optional<Repeat> recognise(Complaint complaint, Instant now, Instant due) {
    transaction.require("RepeatComplaints.recognise");
    if (complaint.customer().key() == null) {
      return Optional.empty();
    }
    // A transaction registering this customer's complaint at the same time is waited for (the
    // intake takes the lock before its first write; held, it is not asked for again). The
    // complaint itself is not among those asked for, so its rows need not be written first; the
    // same customer's complaints registered earlier in this transaction are.
    String customer = complaint.customer().key();
    locks.hold(
        List.of(
            lockOn(complaint.customer().identity().orElse(null), complaint.customer().mobile())));
    List<Complaint> earlier = earlier(complaint, now);
    if (earlier.isEmpty()) {
      return Optional.empty();
    }
    Complaint opening = earlier.get(0);
    ComplaintNumber first = memberships.firstOf(opening);
    int place = earlier.size() + 1;
    RepeatLink link = new RepeatLink(complaint.id(), first, place);
    em.persist(link);
    timeline.record(
        complaint.id(),
        CaseEventKind.REPEAT_RECOGNISED,
        Timeline.SYSTEM,
        "重复投诉 Repeat complaint no. "
            + place
            + " by this customer on the issue of "
            + first.value()
            + " (earlier: "
            + earlier.stream().map(c -> c.number().value()).toList()
            + ").",
        false);
    Department reviewers = departments.playing(DepartmentRole.REPEAT_REVIEW);
    dispatch.open(
        complaint,
        TaskKind.REPEAT_REVIEW,
        reviewers,
        now,
        due,
        "主管复核重复投诉 A supervisor reviews repeat no. "
            + place
            + " on the issue of "
            + first.value()
            + ".");
    boolean escalated = place > escalateAbove;
    if (escalated) {
      String follower = reviewers.dutyOwner().orElse("主管 Supervisor " + reviewers.code().value());
      complaint.ledBySupervisor(follower);
      timeline.record(
          complaint.id(),
          CaseEventKind.REPEAT_ESCALATED,
          Timeline.SYSTEM,
          "同一问题已投诉 "
              + place
              + " 次，由主管牵头处理，专人跟进："
              + follower
              + "。 Complaint no. "
              + place
              + " on one issue: a supervisor leads it with the responsible department and"
              + " customer service; "
              + follower
              + " follows it until it is solved.",
          true);
      outbox.enqueue(
          EscalationMessages.customerEscalation(
              "REPEAT", Recipient.SUPERVISOR, SlaStage.INVESTIGATION_START, complaint, now));
    }
    return Optional.of(new Repeat(link, escalated));
  }

  /**
   * The customer's complaints on the same or a related issue within the window, oldest first, from
   * what was asked ahead (a customer not asked about is asked about now); the complaint is then
   * added there for the next one of the same customer in the transaction.
   */
  private List<Complaint> earlier(Complaint complaint, Instant now) {
    String customer = complaint.customer().key();
    if (!asked().containsKey(customer)) {
      // The same customer's complaints registered earlier in this transaction are written first.
      pending.writeIfAny(c -> customer.equals(c.customer().key()));
      ask(List.of(customer), now);
    }
    List<Complaint> seen = asked().get(customer);
    Set<Category> issue = related(complaint.category());
    Instant since = now.minus(window);
    List<Complaint> earlier =
        seen.stream()
            .filter(c -> !c.id().equals(complaint.id()))
            .filter(c -> c.feedbackType() == FeedbackType.COMPLAINT)
            .filter(c -> issue.contains(c.category()) && !c.receivedAt().isBefore(since))
            .sorted(Comparator.comparing(Complaint::receivedAt).thenComparing(c -> c.id().value()))
            .toList();
    if (!seen.contains(complaint)) { // written by the flush above, it may have been found
      seen.add(complaint);
    }
    return earlier;
  }

  private Map<String, List<Complaint>> asked() {
    return transaction.get(ASKED, HashMap::new);
  }

  /** The categories that count as the same issue as {@code category}. */
  Set<Category> related(Category category) {
    Set<Category> issue = EnumSet.of(category);
    for (String group : relatedCategories.orElse("").split(";")) {
      List<Category> members = new ArrayList<>();
      for (String name : group.split("\\+")) {
        if (!name.isBlank()) {
          members.add(Category.valueOf(name.strip()));
        }
      }
      if (members.contains(category)) {
        issue.addAll(members);
      }
    }
    return issue;
  }
}

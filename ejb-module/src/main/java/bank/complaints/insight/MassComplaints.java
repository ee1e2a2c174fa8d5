package bank.complaints.insight;

import bank.complaints.complaint.Channel;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.FeedbackType;
import bank.complaints.complaint.PendingComplaints;
import bank.complaints.grading.Category;
import bank.complaints.grading.Grade;
import bank.complaints.grading.Severity;
import bank.complaints.outbox.Outbox;
import bank.complaints.outbox.OutgoingMessage;
import bank.complaints.platform.BankZone;
import bank.complaints.platform.TransactionLocal;
import bank.complaints.privacy.Masking;
import bank.complaints.sla.SlaClocks;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * R-X2: at registration, judges whether the complaint is one of several customers raising a similar
 * issue through the same channel within the window. Similar means the same channel and, as
 * configured, the same category and the same products. From the configured count of distinct
 * customers on, an incident opens at once: it links their complaints, and the task force is alerted
 * on {@code complaints.incidents}; later similar complaints join the open incident.
 */
@ApplicationScoped
public class MassComplaints {

  @Inject TransactionLocal transaction;

  private static final Jsonb JSON = JsonbBuilder.create();

  /** The transaction's kinds of similar complaint asked for ahead ({@link #askAhead}). */
  private static final Object ASKED = MassComplaints.class.getName() + ".asked";

  @Inject EntityManager em;

  @Inject Outbox outbox;

  @Inject Timeline timeline;

  @Inject Incidents incidents;

  @Inject PendingComplaints pending;

  @Inject RecognitionLocks locks;

  @Inject SlaClocks clocks;

  @Inject @BankZone ZoneId bankZone;

  @Inject
  @ConfigProperty(name = "complaints.mass.customers")
  int customers;

  @Inject
  @ConfigProperty(name = "complaints.mass.window")
  Duration window;

  /** Which of CATEGORY and PRODUCTS make complaints similar, besides the channel. */
  @Inject
  @ConfigProperty(name = "complaints.mass.similar-on")
  List<String> similarOn;

  @Inject
  @ConfigProperty(name = "complaints.mass.task-force")
  List<String> taskForce;

  /** A misspelt setting would silently change what counts as similar: refuse it at start. */
  @PostConstruct
  void checkSettings() {
    for (String part : similarOn) {
      if (!List.of("CATEGORY", "PRODUCTS").contains(part)) {
        throw new IllegalStateException(
            "complaints.mass.similar-on lists CATEGORY and/or PRODUCTS, not '" + part + "'");
      }
    }
    if (customers < 2) {
      throw new IllegalStateException("complaints.mass.customers must be at least 2");
    }
  }

  /**
   * The lock ({@link RecognitionLocks}) a registration holds before it counts similar complaints or
   * opens an incident, if its complaint counts towards one: one per channel and (similar on
   * products) products. The category is left out, as it is graded after the lock is taken: similar
   * complaints all take the same lock, and some others with them.
   */
  public Optional<String> lockOn(Channel channel, FeedbackType type, List<String> products) {
    if (!counts(type, products)) {
      return Optional.empty();
    }
    return Optional.of(
        "similar "
            + channel.name()
            + (similarOn.contains("PRODUCTS") ? "|" + products(products) : ""));
  }

  /**
   * Called at registration once the complaint is graded, before it is first written: names what
   * makes it similar to others, so that the complaint's insert carries it (set later, it cost an
   * update of the row just inserted, with all its indexes, in one registration in three).
   */
  public void markSimilarity(Complaint complaint) {
    if (counts(complaint)) {
      complaint.similarTo(key(complaint));
    }
  }

  /** A submission as the mass check sees it: where it came from, what it is, what it names. */
  public record Submitted(Channel channel, FeedbackType type, List<String> products) {}

  /**
   * Issue 18: asks once, for all the submissions a transaction is about to register, for what the
   * mass check of each will need: the open incident of each kind of similar complaint, and the
   * customers who raised one within the window. {@link #recognise} then takes both from here
   * instead of two queries per complaint, and adds each complaint it counts, so that the next one
   * of the transaction counts it too. The category is graded later, so each is asked for under
   * every category. The submissions' locks ({@link #lockOn}) must be held: nobody else registers a
   * similar complaint, or opens an incident for one, until the commit.
   */
  public void askAhead(Collection<Submitted> submitted, Instant now) {
    transaction.require("MassComplaints.askAhead");
    ask(
        submitted.stream()
            .filter(s -> counts(s.type(), s.products()))
            .flatMap(
                s ->
                    (similarOn.contains("CATEGORY")
                            ? Arrays.stream(Category.values())
                            : Stream.of((Category) null))
                        .map(category -> key(s.channel(), category, s.products())))
            .distinct()
            .toList(),
        now);
  }

  /** Reads the open incident and the window's customers of the kinds not asked about yet. */
  private void ask(List<String> kinds, Instant now) {
    Map<String, Similar> asked = asked();
    List<String> keys = kinds.stream().filter(key -> !asked.containsKey(key)).toList();
    if (keys.isEmpty()) {
      return;
    }
    keys.forEach(key -> asked.put(key, new Similar()));
    em.createQuery(
            "select i from Incident i where i.similarityKey in :keys and i.status = :open",
            Incident.class)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("keys", keys)
        .setParameter("open", Incident.Status.OPEN)
        .getResultList()
        .forEach(incident -> asked.get(incident.similarityKey()).open = incident);
    // A kind with an open incident is joined, not counted: its complaints (many, in a mass event)
    // are not asked for. Without one, fewer customers than the threshold raised it, as a rule.
    List<String> counted = keys.stream().filter(key -> asked.get(key).open == null).toList();
    if (counted.isEmpty()) {
      return;
    }
    em.createQuery(
            "select c.similarityKey, c.customer.key, c.receivedAt from Complaint c"
                + " where c.similarityKey in :keys and c.receivedAt >= :since"
                + " and c.customer.key is not null",
            Object[].class)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("keys", counted)
        .setParameter("since", since(now))
        .getResultList()
        .forEach(
            row ->
                asked
                    .get((String) row[0])
                    .raisedBy((String) row[1], ((OffsetDateTime) row[2]).toInstant()));
  }

  /**
   * A kind of similar complaint as asked for ahead ({@link #askAhead}): its open incident, and when
   * each of its customers last raised one within the window (this transaction's included, as
   * counted).
   */
  private static final class Similar {
    Incident open;
    final Map<String, Instant> customers = new HashMap<>();

    void raisedBy(String customer, Instant at) {
      customers.merge(customer, at, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  /**
   * What was asked about the kind of similar complaint (a kind not asked about ahead is asked about
   * now, the similar complaints registered earlier in this transaction written first).
   */
  private Similar similar(String key, Instant now) {
    if (!asked().containsKey(key)) {
      pending.writeIfAny(c -> c.similarityKey().filter(key::equals).isPresent());
      ask(List.of(key), now);
    }
    return asked().get(key);
  }

  private Map<String, Similar> asked() {
    return transaction.get(ASKED, HashMap::new);
  }

  /**
   * Called at registration, once the complaint is assigned; {@link #markSimilarity} has named its
   * key.
   */
  public Optional<Incident> recognise(Complaint complaint, Instant now) {
    transaction.require("MassComplaints.recognise");
    if (!counts(complaint)) {
      return Optional.empty();
    }
    String key = key(complaint);
    // A transaction registering a similar complaint at the same time is waited for (the intake
    // takes the lock before its first write), then counted; one at a time opens the incident, the
    // others then join it (an incident opened earlier in this transaction is written when opened).
    lockOn(complaint.channel(), complaint.feedbackType(), complaint.productsInvolved())
        .ifPresent(lock -> locks.hold(List.of(lock)));
    Similar similar = similar(key, now);
    Optional<Incident> open = Optional.ofNullable(similar.open);
    if (open.isPresent()) {
      // Issue 18: joining needs none of the transaction's rows written. In a mass incident most
      // complaints join; writing the group's rows for each made every later change to them an
      // update, and the group's batches small.
      join(open.get(), complaint, now);
      return open;
    }
    // Counted with the similar ones, without its row, which need not be written yet.
    String mine = complaint.customer().key();
    if (mine != null) {
      similar.raisedBy(mine, complaint.receivedAt());
    }
    Instant since = now.minus(window);
    if (similar.customers.values().stream().filter(at -> !at.isBefore(since)).count() < customers) {
      return Optional.empty();
    }
    Incident incident =
        new Incident(
            key,
            complaint.channel(),
            complaint.category(),
            similarOn.contains("PRODUCTS") ? products(complaint) : null,
            now);
    em.persist(incident);
    em.flush(); // its members refer to it by id, not by relationship: the incident goes first
    similar.open = incident; // the transaction's later similar complaints join it
    List<String> linked = new ArrayList<>();
    for (Complaint member : inWindow(key, now)) {
      if (em.find(IncidentMember.class, member.id().value()) == null) {
        link(incident, member);
        linked.add(member.number().value());
      }
    }
    List<String> force = new ArrayList<>(taskForce);
    if (complaint.department() != null && !force.contains(complaint.department().value())) {
      force.add(complaint.department().value()); // the business line concerned
    }
    outbox.enqueue(alert(incident, "OPENED", linked, force, now));
    return Optional.of(incident);
  }

  private void join(Incident incident, Complaint complaint, Instant now) {
    link(incident, complaint);
    incidents.tellLateComer(incident, complaint, now);
  }

  /**
   * R-X2, R-G1: a complaint part of a mass incident is Red (the incident's task force handles it),
   * and its running clocks take the Red deadlines where those are earlier.
   */
  private void link(Incident incident, Complaint complaint) {
    em.persist(new IncidentMember(complaint.id(), incident.id()));
    if (complaint.severity() != Severity.RED) {
      String before = complaint.severity() + " / " + complaint.category();
      complaint.grade(
          new Grade(
              Severity.RED, complaint.category(), "R-G1 part of mass incident " + incident.id()));
      timeline.record(
          complaint.id(),
          CaseEventKind.REGRADED,
          Timeline.SYSTEM,
          "Regraded from "
              + before
              + " to RED: part of mass-complaint incident "
              + incident.id()
              + " (R-G1)"
              + SlaClocks.retimed(
                  clocks.retime(complaint.id(), Severity.RED, complaint.complex()), bankZone),
          false);
    }
    timeline.record(
        complaint.id(),
        CaseEventKind.MASS_INCIDENT_LINKED,
        Timeline.SYSTEM,
        "群体性投诉 Part of mass-complaint incident "
            + incident.id()
            + " ("
            + incident.channel()
            + ", "
            + incident.category()
            + incident.products().map(p -> ", " + p).orElse("")
            + ").",
        false);
  }

  /** A complaint, and (similar on products) one that names some: a vaguer one does not count. */
  private boolean counts(Complaint complaint) {
    return counts(complaint.feedbackType(), complaint.productsInvolved());
  }

  private boolean counts(FeedbackType type, List<String> products) {
    return type == FeedbackType.COMPLAINT
        && !(similarOn.contains("PRODUCTS") && products.isEmpty());
  }

  private List<Complaint> inWindow(String key, Instant now) {
    return em.createQuery(
            "select c from Complaint c where c.similarityKey = :key and c.receivedAt >= :since"
                + " order by c.receivedAt, c.id",
            Complaint.class)
        .setParameter("key", key)
        .setParameter("since", since(now))
        .getResultList();
  }

  private OffsetDateTime since(Instant now) {
    return OffsetDateTime.ofInstant(now.minus(window), ZoneOffset.UTC);
  }

  String key(Complaint complaint) {
    return key(complaint.channel(), complaint.category(), complaint.productsInvolved());
  }

  private String key(Channel channel, Category category, List<String> products) {
    StringBuilder key = new StringBuilder(channel.name());
    if (similarOn.contains("CATEGORY")) {
      key.append('|').append(category.name());
    }
    if (similarOn.contains("PRODUCTS")) {
      key.append('|').append(products(products));
    }
    return key.length() > 400 ? key.substring(0, 400) : key.toString();
  }

  private static String products(Complaint complaint) {
    return products(complaint.productsInvolved());
  }

  private static String products(List<String> products) {
    return String.join(",", new TreeSet<>(products));
  }

  static OutgoingMessage alert(
      Incident incident, String kind, List<String> complaints, List<String> force, Instant at) {
    IncidentMessageV1 message =
        new IncidentMessageV1(
            IncidentMessageV1.SCHEMA_VERSION,
            incident.id().value(),
            kind,
            incident.channel().name(),
            incident.category().name(),
            incident.products().map(Masking::numbersIn).orElse(null),
            complaints,
            force,
            at.toString());
    return new OutgoingMessage(
        IncidentMessageV1.QUEUE,
        IncidentMessageV1.TYPE,
        IncidentMessageV1.SCHEMA_VERSION,
        "INC-" + incident.id(),
        JSON.toJson(message));
  }
}

package bank.complaints.insight;

import bank.complaints.complaint.Channel;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.FeedbackType;
import bank.complaints.complaint.PendingComplaints;
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
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
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
    Optional<Incident> open = incidents.openFor(key);
    if (open.isPresent()) {
      // Issue 18: joining needs none of the transaction's rows written. In a mass incident most
      // complaints join; writing the group's rows for each made every later change to them an
      // update, and the group's batches small.
      join(open.get(), complaint, now);
      return open;
    }
    // To be counted, the similar complaints registered earlier in this transaction are written
    // first; this one is counted without its row (customersInWindow), which need not be written
    // yet.
    pending.writeIfAny(c -> c.similarityKey().filter(key::equals).isPresent());
    if (customersInWindow(key, now, complaint) < customers) {
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

  /**
   * How many distinct customers raised a similar complaint within the window, {@code complaint}'s
   * customer among them: counted from the complaint itself, whose row may not be written yet.
   */
  private long customersInWindow(String key, Instant now, Complaint complaint) {
    String mine = complaint.customer().key();
    boolean counted = mine != null && !complaint.receivedAt().isBefore(now.minus(window));
    TypedQuery<Long> others =
        em.createQuery(
                "select count(distinct c.customer.key) from Complaint c where c.similarityKey = :key"
                    + " and c.receivedAt >= :since"
                    + (counted ? " and c.customer.key <> :mine" : ""),
                Long.class)
            .setFlushMode(FlushModeType.COMMIT)
            .setParameter("key", key)
            .setParameter("since", since(now));
    if (counted) {
      others.setParameter("mine", mine);
    }
    return others.getSingleResult() + (counted ? 1 : 0);
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
    StringBuilder key = new StringBuilder(complaint.channel().name());
    if (similarOn.contains("CATEGORY")) {
      key.append('|').append(complaint.category().name());
    }
    if (similarOn.contains("PRODUCTS")) {
      key.append('|').append(products(complaint));
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

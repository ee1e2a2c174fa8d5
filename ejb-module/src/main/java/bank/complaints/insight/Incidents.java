package bank.complaints.insight;

import bank.complaints.audit.AuditLog;
import bank.complaints.common.NotFoundException;
import bank.complaints.complaint.Complaint;
import bank.complaints.notification.CustomerNotices;
import bank.complaints.outbox.Outbox;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * R-X2: the mass-complaint desk: one statement and each progress update reach every customer the
 * incident links (on {@code complaints.notifications}), and the incident closes with an evaluation.
 */
@ApplicationScoped
public class Incidents {

  @Inject EntityManager em;

  @Inject Outbox outbox;

  @Inject Timeline timeline;

  @Inject AuditLog audit;

  @Inject Clock clock;

  public Incident find(IncidentId id) {
    Incident incident = em.find(Incident.class, id.value());
    if (incident == null) {
      throw new NotFoundException("No incident " + id + ".");
    }
    return incident;
  }

  /** Newest first; {@code status} null for all. */
  public List<Incident> list(Incident.Status status, int page, int size) {
    jakarta.persistence.TypedQuery<Incident> query =
        em.createQuery(
            "select i from Incident i"
                + (status == null ? "" : " where i.status = :status")
                + " order by i.openedAt desc, i.id desc",
            Incident.class);
    if (status != null) {
      query.setParameter("status", status);
    }
    return query.setFirstResult(page * size).setMaxResults(size).getResultList();
  }

  /** The complaints an incident links, oldest first (the caller has found the incident). */
  public List<Complaint> complaints(IncidentId id) {
    return em.createQuery(
            "select c from Complaint c, IncidentMember m where m.complaintId = c.id"
                + " and m.incidentId = :id order by c.receivedAt, c.id",
            Complaint.class)
        .setParameter("id", id.value())
        .getResultList();
  }

  /** The one voice to the public: the same statement to every customer concerned. */
  @Transactional
  public Incident publishStatement(IncidentId id, String text, String by) {
    Incident incident = locked(id);
    Instant now = clock.instant();
    incident.publishStatement(text, now);
    tellEveryone(
        incident,
        CustomerNotices.Kind.INCIDENT_STATEMENT,
        CaseEventKind.INCIDENT_STATEMENT,
        text,
        by,
        now);
    return incident;
  }

  @Transactional
  public Incident publishProgress(IncidentId id, String text, String by) {
    Incident incident = locked(id);
    Instant now = clock.instant();
    incident.publishProgress(text, now);
    tellEveryone(
        incident,
        CustomerNotices.Kind.INCIDENT_PROGRESS,
        CaseEventKind.INCIDENT_PROGRESS,
        text,
        by,
        now);
    return incident;
  }

  /** Closes the incident with the task force's evaluation (root cause, what changes). */
  @Transactional
  public Incident close(IncidentId id, String evaluation, String by) {
    Incident incident = locked(id);
    Instant now = clock.instant();
    incident.close(evaluation, by, now);
    List<Complaint> members = complaints(id);
    for (Complaint complaint : members) {
      timeline.record(
          complaint.id(),
          CaseEventKind.INCIDENT_CLOSED,
          by,
          "Incident " + id + " closed. Evaluation: " + evaluation,
          false);
    }
    audit.record("INCIDENT_CLOSED", "incident:" + id, by, evaluation);
    outbox.enqueue(
        MassComplaints.alert(
            incident,
            "CLOSED",
            members.stream().map(c -> c.number().value()).toList(),
            List.of(),
            now));
    return incident;
  }

  /** A complaint that joins after the statement was published hears it too. */
  public void tellLateComer(Incident incident, Complaint complaint, Instant now) {
    incident
        .statement()
        .ifPresent(
            text ->
                tell(
                    complaint,
                    CustomerNotices.Kind.INCIDENT_STATEMENT,
                    CaseEventKind.INCIDENT_STATEMENT,
                    text,
                    Timeline.SYSTEM,
                    now));
  }

  private void tellEveryone(
      Incident incident,
      CustomerNotices.Kind notice,
      CaseEventKind event,
      String text,
      String by,
      Instant now) {
    for (Complaint complaint : complaints(incident.id())) {
      tell(complaint, notice, event, text, by, now);
    }
  }

  private void tell(
      Complaint complaint,
      CustomerNotices.Kind notice,
      CaseEventKind event,
      String text,
      String by,
      Instant now) {
    outbox.enqueue(CustomerNotices.outgoing(notice, complaint, text, now));
    timeline.record(complaint.id(), event, by, text, true);
  }

  private Incident locked(IncidentId id) {
    Incident incident = em.find(Incident.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
    if (incident == null) {
      throw new NotFoundException("No incident " + id + ".");
    }
    return incident;
  }
}

package bank.complaints.insight;

import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintId;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.Complaints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What insight found about complaints, read: a complaint's place in a customer's series on one
 * issue (R-X1) and the incident it is part of (R-X2).
 */
@ApplicationScoped
public class Memberships {

  @Inject EntityManager em;

  @Inject Complaints complaints;

  /** What insight found about one complaint. */
  public record Membership(Optional<RepeatLink> repeat, Optional<IncidentId> incident) {}

  /**
   * A membership read with other things in one statement (the progress read): the repeat's first
   * number and place (none when {@code firstNumber} is null) and the incident (or null).
   */
  public static Membership read(
      ComplaintId complaint, String firstNumber, int place, Long incidentId) {
    return new Membership(
        Optional.ofNullable(firstNumber)
            .map(first -> new RepeatLink(complaint, new ComplaintNumber(first), place)),
        Optional.ofNullable(incidentId).map(IncidentId::new));
  }

  public Membership of(Complaint complaint) {
    // one query for both (issue 18: a read's cost is its statements)
    Object[] found =
        em.createQuery(
                "select r, m from Complaint c"
                    + " left join RepeatLink r on r.complaintId = c.id"
                    + " left join IncidentMember m on m.complaintId = c.id"
                    + " where c.id = :id",
                Object[].class)
            .setParameter("id", complaint.id().value())
            .getSingleResult();
    return new Membership(
        Optional.ofNullable((RepeatLink) found[0]),
        Optional.ofNullable((IncidentMember) found[1]).map(IncidentMember::incidentId));
  }

  /** What insight found about each of these complaints (two queries for the lot), by id. */
  public Map<Long, Membership> of(List<Complaint> listed) {
    if (listed.isEmpty()) {
      return Map.of();
    }
    List<Long> ids = listed.stream().map(c -> c.id().value()).toList();
    Map<Long, RepeatLink> repeats =
        em
            .createQuery("select r from RepeatLink r where r.complaintId in :ids", RepeatLink.class)
            .setParameter("ids", ids)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(RepeatLink::complaintId, r -> r));
    Map<Long, IncidentId> incidents =
        em
            .createQuery(
                "select m from IncidentMember m where m.complaintId in :ids", IncidentMember.class)
            .setParameter("ids", ids)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(IncidentMember::complaintId, IncidentMember::incidentId));
    Map<Long, Membership> all = new HashMap<>();
    for (Long id : ids) {
      all.put(
          id,
          new Membership(
              Optional.ofNullable(repeats.get(id)), Optional.ofNullable(incidents.get(id))));
    }
    return all;
  }

  /** The first complaint of the series this one belongs to (itself when it repeats none). */
  public ComplaintNumber firstOf(Complaint complaint) {
    return Optional.ofNullable(em.find(RepeatLink.class, complaint.id().value()))
        .map(RepeatLink::first)
        .orElse(complaint.number());
  }

  /** A complaint of a series and its place in it (1 for the first). */
  public record InSeries(Complaint complaint, int place) {}

  /**
   * R-X1: the series of complaints one customer made on the issue this complaint belongs to, oldest
   * first (the first complaint, then each repeat).
   */
  public List<InSeries> series(ComplaintNumber number) {
    ComplaintNumber first = firstOf(complaints.find(number));
    List<RepeatLink> links =
        em.createQuery("select r from RepeatLink r where r.firstNumber = :first", RepeatLink.class)
            .setParameter("first", first.value())
            .getResultList();
    Map<Long, Integer> places =
        links.stream().collect(Collectors.toMap(RepeatLink::complaintId, RepeatLink::place));
    List<Complaint> all =
        em.createQuery(
                "select c from Complaint c where c.number = :first or c.id in :repeats"
                    + " order by c.receivedAt, c.id",
                Complaint.class)
            .setParameter("first", first)
            .setParameter("repeats", places.isEmpty() ? List.of(-1L) : List.copyOf(places.keySet()))
            .getResultList();
    return all.stream().map(c -> new InSeries(c, places.getOrDefault(c.id().value(), 1))).toList();
  }
}

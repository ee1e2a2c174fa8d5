package bank.complaints.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Walks the chain from its start and names the first entry that does not hold (R-S3). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditVerification {

  private static final int PAGE = 1000;

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject ChainHash chainHash;

  @Inject AuditChain chain;

  /** The first link that breaks the chain: its place, its entry (if any) and why. */
  public record Break(long sequence, Long entryId, String reason) {}

  /** The verdict: how many links were checked, how many entries wait, and the first break. */
  public record Verdict(long linked, long pending, Optional<Break> firstBreak) {
    public boolean intact() {
      return firstBreak.isEmpty();
    }
  }

  public Verdict verify() {
    chain.linkAll();
    long expectedSeq = 0;
    String prev = AuditChainHead.GENESIS;
    while (true) {
      List<AuditLink> links =
          em.createQuery(
                  "select l from AuditLink l where l.seq > :after order by l.seq", AuditLink.class)
              .setParameter("after", expectedSeq)
              .setMaxResults(PAGE)
              .getResultList();
      if (links.isEmpty()) {
        break;
      }
      Map<Long, AuditEntry> entries = new HashMap<>();
      em.createQuery("select e from AuditEntry e where e.id in :ids", AuditEntry.class)
          .setParameter("ids", links.stream().map(AuditLink::entryId).toList())
          .getResultList()
          .forEach(entry -> entries.put(entry.id(), entry));
      for (AuditLink link : links) {
        expectedSeq++;
        Optional<Break> broken = check(link, expectedSeq, prev, entries.get(link.entryId()));
        if (broken.isPresent()) {
          return new Verdict(expectedSeq - 1, pending(), broken);
        }
        prev = link.hash();
      }
      em.clear();
    }
    AuditChainHead head = em.find(AuditChainHead.class, 1);
    if (head.lastSeq() != expectedSeq || !head.lastHash().equals(prev)) {
      return new Verdict(
          expectedSeq,
          pending(),
          Optional.of(
              new Break(
                  expectedSeq + 1,
                  null,
                  "the chain ends at " + expectedSeq + " but its head says " + head.lastSeq())));
    }
    return new Verdict(expectedSeq, pending(), Optional.empty());
  }

  private Optional<Break> check(AuditLink link, long expectedSeq, String prev, AuditEntry entry) {
    if (link.seq() != expectedSeq) {
      return Optional.of(new Break(expectedSeq, null, "link " + expectedSeq + " is missing"));
    }
    if (entry == null) {
      return Optional.of(
          new Break(link.seq(), link.entryId(), "the entry of this link is missing"));
    }
    if (!link.prevHash().equals(prev)) {
      return Optional.of(
          new Break(link.seq(), link.entryId(), "the link does not follow the one before it"));
    }
    if (!chainHash.of(link.seq(), entry, prev).equals(link.hash())) {
      return Optional.of(
          new Break(link.seq(), link.entryId(), "the entry was altered after it was recorded"));
    }
    return Optional.empty();
  }

  private long pending() {
    return em.createQuery("select count(p) from AuditPending p", Long.class).getSingleResult();
  }
}

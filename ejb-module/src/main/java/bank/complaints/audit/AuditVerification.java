package bank.complaints.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Walks the chain from its start and names the first entry that does not hold, holds it against the
 * latest checkpoint kept outside the database, and names every entry left out of it (R-S3). An
 * intact chain is checkpointed.
 */
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

  /** An entry outside the chain that should not be: which, and why. */
  public record Unlinked(long entryId, String reason) {}

  /**
   * The verdict: how many links were checked, how many entries wait, the first break, the entries
   * not linked that should be, and the checkpoint the chain was held against.
   */
  public record Verdict(
      long linked,
      long pending,
      Optional<Break> firstBreak,
      List<Unlinked> unlinked,
      Optional<AuditCheckpoints.Checkpoint> checkpoint) {
    public boolean intact() {
      return firstBreak.isEmpty() && unlinked.isEmpty();
    }
  }

  /** An entry waiting longer than this for its link is reported (the linker runs every second). */
  @Inject
  @ConfigProperty(name = "complaints.audit.link-within")
  Duration linkWithin;

  @Inject AuditCheckpoints checkpoints;
  @Inject Clock clock;

  public Verdict verify() {
    chain.linkAll();
    Optional<AuditCheckpoints.Checkpoint> checkpoint = checkpoints.latest();
    Verdict verdict = walk(checkpoint);
    if (verdict.intact()) {
      checkpoints.write(verdict.linked(), lastHash(verdict.linked()));
    }
    return verdict;
  }

  private String lastHash(long seq) {
    return seq == 0
        ? AuditChainHead.GENESIS
        : em.createQuery("select l.hash from AuditLink l where l.seq = :seq", String.class)
            .setParameter("seq", seq)
            .getSingleResult();
  }

  private Verdict walk(Optional<AuditCheckpoints.Checkpoint> checkpoint) {
    List<Unlinked> unlinked = unlinked();
    AuditChainHead head = em.find(AuditChainHead.class, 1);
    long sealedFrom = head.sealedFrom();
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
        Optional<Break> broken =
            check(link, expectedSeq, prev, entries.get(link.entryId()), sealedFrom, checkpoint);
        if (broken.isPresent()) {
          return new Verdict(expectedSeq - 1, pending(), broken, unlinked, checkpoint);
        }
        prev = link.hash();
      }
      em.clear();
    }
    head = em.find(AuditChainHead.class, 1);
    Optional<String> end = Optional.empty();
    if (head.lastSeq() != expectedSeq || !head.lastHash().equals(prev)) {
      end =
          Optional.of("the chain ends at " + expectedSeq + " but its head says " + head.lastSeq());
    } else if (checkpoint.isPresent() && checkpoint.get().seq() > expectedSeq) {
      end =
          Optional.of(
              "the chain ends at "
                  + expectedSeq
                  + " but reached "
                  + checkpoint.get().seq()
                  + " at its checkpoint of "
                  + checkpoint.get().at()
                  + ": links were removed");
    }
    long linked = expectedSeq;
    return new Verdict(
        linked,
        pending(),
        end.map(reason -> new Break(linked + 1, null, reason)),
        unlinked,
        checkpoint);
  }

  /**
   * Entries outside the chain that should be in it: written behind the application's back (the
   * linker refused them), left with no work-list row (removed, so the linker never sees them), or
   * waiting longer than {@code complaints.audit.link-within}.
   */
  private List<Unlinked> unlinked() {
    List<Unlinked> found = new ArrayList<>();
    List<Object[]> rows =
        em.createQuery(
                "select e.id, e.recordedAt, p.entryId, p.refusedAt from AuditEntry e"
                    + " left join AuditPending p on p.entryId = e.id"
                    + " where not exists (select l from AuditLink l where l.entryId = e.id)"
                    + " order by e.id",
                Object[].class)
            .setMaxResults(PAGE)
            .getResultList();
    Instant overdue = clock.instant().minus(linkWithin);
    for (Object[] row : rows) {
      long id = (Long) row[0];
      OffsetDateTime recorded = (OffsetDateTime) row[1];
      if (row[2] == null) {
        found.add(
            new Unlinked(id, "in no link and waiting for none: its work-list row was removed"));
      } else if (row[3] != null) {
        found.add(new Unlinked(id, "carries no valid seal: not written by the application"));
      } else if (recorded.toInstant().isBefore(overdue)) {
        found.add(new Unlinked(id, "not linked within " + linkWithin));
      }
    }
    // Work-list rows whose entry is gone.
    em.createQuery(
            "select p.entryId from AuditPending p"
                + " where not exists (select e from AuditEntry e where e.id = p.entryId)",
            Long.class)
        .setMaxResults(PAGE)
        .getResultList()
        .forEach(id -> found.add(new Unlinked(id, "waiting to be linked, but the entry is gone")));
    return found;
  }

  private Optional<Break> check(
      AuditLink link,
      long expectedSeq,
      String prev,
      AuditEntry entry,
      long sealedFrom,
      Optional<AuditCheckpoints.Checkpoint> checkpoint) {
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
    if (link.seq() >= sealedFrom && !chainHash.sealed(entry)) {
      return Optional.of(new Break(link.seq(), link.entryId(), "the entry carries no valid seal"));
    }
    if (checkpoint.isPresent()
        && checkpoint.get().seq() == link.seq()
        && !checkpoint.get().hash().equals(link.hash())) {
      return Optional.of(
          new Break(
              link.seq(),
              link.entryId(),
              "the link differs from its checkpoint of " + checkpoint.get().at()));
    }
    return Optional.empty();
  }

  private long pending() {
    return em.createQuery(
            "select count(p) from AuditPending p where p.refusedAt is null", Long.class)
        .getSingleResult();
  }
}

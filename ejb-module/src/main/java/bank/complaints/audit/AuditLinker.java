package bank.complaints.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Chains the entries waiting in audit_pending, one batch per transaction. */
@ApplicationScoped
public class AuditLinker {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject ChainHash chainHash;

  /**
   * Links up to {@code batch} waiting entries to the end of the chain, under the head's row lock.
   *
   * @return how many were linked
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int linkBatch(int batch) {
    AuditChainHead head = em.find(AuditChainHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
    List<AuditPending> pending =
        em.createQuery("select p from AuditPending p order by p.entryId", AuditPending.class)
            .setMaxResults(batch)
            .getResultList();
    if (pending.isEmpty()) {
      return 0;
    }
    List<Long> ids = pending.stream().map(AuditPending::entryId).toList();
    List<AuditEntry> entries =
        em.createQuery(
                "select e from AuditEntry e where e.id in :ids order by e.id", AuditEntry.class)
            .setParameter("ids", ids)
            .getResultList();
    long seq = head.lastSeq();
    String hash = head.lastHash();
    for (AuditEntry entry : entries) {
      seq++;
      String next = chainHash.of(seq, entry, hash);
      em.persist(new AuditLink(seq, entry.id(), hash, next));
      hash = next;
    }
    head.advance(seq, hash);
    for (AuditPending done : pending) {
      em.remove(done);
    }
    return entries.size();
  }
}

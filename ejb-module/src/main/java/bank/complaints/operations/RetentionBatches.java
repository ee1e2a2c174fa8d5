package bank.complaints.operations;

import bank.complaints.platform.SqlValues;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One bounded delete per transaction, so that retention never holds many locks or a long
 * transaction, and two servers running it at once only skip each other's rows.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionBatches {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  /**
   * Deletes up to {@code batch} outbox rows published before {@code before}, the earliest published
   * first (the order of their index, V39: no sort of every expired row); returns how many.
   */
  public int deletePublishedOutbox(Instant before, int batch) {
    return em.createNativeQuery(
            "delete from outbox_message where id in (select id from outbox_message"
                + " where published_at < ? order by published_at fetch first "
                + batch
                + " rows only)")
        .setParameter(1, before.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  /**
   * Deletes about {@code batch} idempotency keys made before {@code before}, oldest first; returns
   * how many.
   */
  public int deleteIdempotencyKeys(Instant before, int batch) {
    @SuppressWarnings("unchecked")
    List<Object> edge =
        em.createNativeQuery(
                "select created_at from idempotency_key where created_at < ?"
                    + " order by created_at offset "
                    + (batch - 1)
                    + " rows fetch next 1 rows only")
            .setParameter(1, before.atOffset(ZoneOffset.UTC))
            .getResultList();
    if (edge.isEmpty()) {
      return em.createNativeQuery("delete from idempotency_key where created_at < ?")
          .setParameter(1, before.atOffset(ZoneOffset.UTC))
          .executeUpdate();
    }
    return em.createNativeQuery("delete from idempotency_key where created_at <= ?")
        .setParameter(1, SqlValues.instant(edge.get(0)).atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }
}

package bank.complaints.outbox;

import bank.complaints.audit.Audited;
import bank.complaints.common.NotFoundException;
import bank.complaints.platform.SqlValues;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Outbox rows the broker refused {@code complaints.outbox.max-attempts} times (see {@link
 * OutboxPublisher}): operations list them with the broker's reason and, once the cause is fixed
 * (the address created on the broker, say), send one again. It then goes out as it was written,
 * with the same duplicate-detection id.
 */
@Stateless
public class SetAsideMessages {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject Outbox outbox;

  /** One set-aside row as operations see it (the payload is not shown: it may name a customer). */
  public record SetAside(
      long id,
      String destination,
      String messageType,
      String complaintNumber,
      int attempts,
      String reason,
      Instant createdAt,
      Instant setAsideAt) {}

  /** At most {@code limit} set-aside rows, oldest first. */
  public List<SetAside> list(int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, destination, message_type, message_key, send_attempts, last_refusal,"
                    + " created_at, set_aside_at from outbox_message"
                    + " where set_aside_at is not null and published_at is null order by id")
            .setMaxResults(limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new SetAside(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    ((Number) r[4]).intValue(),
                    (String) r[5],
                    SqlValues.instant(r[6]),
                    SqlValues.instant(r[7])))
        .toList();
  }

  /** Puts one set-aside row back in line, its attempts counted afresh. */
  @Audited
  public void replay(long id) {
    int changed =
        em.createNativeQuery(
                "update outbox_message set set_aside_at = null, send_attempts = 0,"
                    + " last_refused_at = null where id = ? and set_aside_at is not null"
                    + " and published_at is null")
            .setParameter(1, id)
            .executeUpdate();
    if (changed == 0) {
      throw new NotFoundException("No set-aside outbox message " + id + ".");
    }
    outbox.putBackInLine();
  }
}

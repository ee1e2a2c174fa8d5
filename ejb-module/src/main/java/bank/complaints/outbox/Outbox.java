package bank.complaints.outbox;

import bank.complaints.platform.TransactionLocal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Writes messages into the outbox, inside the caller's transaction: nothing else sends to a queue.
 */
@ApplicationScoped
public class Outbox {

  @Inject TransactionLocal transaction;

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject Clock clock;

  @Inject Event<OutboxWritten> written;

  public void enqueue(OutgoingMessage message) {
    transaction.require("Outbox.enqueue");
    OutboxMessage row = OutboxMessage.of(message, clock.instant());
    em.persist(row);
    written.fire(new OutboxWritten(row));
  }

  /**
   * Fired inside the writing transaction; the relay reacts once it has committed.
   *
   * @param row the row written, which this server's relay then sends without reading it back; null
   *     for rows put back in line, which the relay reads from the table
   */
  public record OutboxWritten(OutboxMessage row) {}
}

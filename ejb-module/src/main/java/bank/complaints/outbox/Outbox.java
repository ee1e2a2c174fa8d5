package bank.complaints.outbox;

import bank.complaints.platform.TransactionLocal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes messages into the outbox, inside the caller's transaction: nothing else sends to a queue.
 * Once that transaction has committed, the rows it wrote are handed to this server's relay, all at
 * once ({@link OutboxRelay#committed}).
 */
@ApplicationScoped
public class Outbox {

  private static final Object KEY = Outbox.class.getName();

  @Inject TransactionLocal transaction;

  @Inject EntityManager em;

  @Inject Clock clock;

  @Inject OutboxRelay relay;

  public void enqueue(OutgoingMessage message) {
    transaction.require("Outbox.enqueue");
    OutboxMessage row = OutboxMessage.of(message, clock.instant());
    em.persist(row);
    written().rows.add(row);
  }

  /**
   * Rows were put back in line by an update of the table ({@link SetAsideMessages}): the relay
   * reads the table once the caller's transaction has committed.
   */
  public void putBackInLine() {
    transaction.require("Outbox.putBackInLine");
    written().readTable = true;
  }

  private Written written() {
    return transaction.get(KEY, Written::new, w -> relay.committed(w.rows, w.readTable));
  }

  /** What the current transaction wrote to the outbox. */
  private static final class Written {
    final List<OutboxMessage> rows = new ArrayList<>();
    boolean readTable;
  }
}

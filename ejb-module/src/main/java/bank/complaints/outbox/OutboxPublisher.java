package bank.complaints.outbox;

import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Publishes one batch of the outbox in one XA transaction: the rows are claimed with {@code FOR
 * UPDATE SKIP LOCKED} (so several server instances share the work without sending a row twice),
 * sent to Artemis, and marked published. Should the database commit be lost after the broker's, the
 * resend carries the same {@code _AMQ_DUPL_ID} and the broker drops it.
 */
@Stateless
public class OutboxPublisher {

  /** Artemis' duplicate-detection header (Message.HDR_DUPLICATE_DETECTION_ID). */
  static final String DUPLICATE_DETECTION_ID = "_AMQ_DUPL_ID";

  /** Artemis' original-address header of a dead letter (Message.HDR_ORIGINAL_ADDRESS). */
  public static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

  /** Why the application dead-lettered a message. */
  public static final String DEAD_LETTER_REASON = "deadLetterReason";

  private static final String CLAIM =
      "select * from outbox_message where published_at is null order by id"
          + " fetch first %d rows only for update skip locked";

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Resource(lookup = "jms/complaints/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Inject Clock clock;

  /** Publishes up to {@code limit} pending messages; returns how many it published. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int publishBatch(int limit) {
    @SuppressWarnings("unchecked")
    List<OutboxMessage> batch =
        em.createNativeQuery(CLAIM.formatted(limit), OutboxMessage.class).getResultList();
    if (batch.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    try (Connection connection = connectionFactory.createConnection()) {
      Session session = connection.createSession();
      MessageProducer producer = session.createProducer(null);
      for (OutboxMessage row : batch) {
        producer.send(
            session.createQueue(row.destination()),
            toJms(session, row),
            DeliveryMode.PERSISTENT,
            Message.DEFAULT_PRIORITY,
            Message.DEFAULT_TIME_TO_LIVE);
        row.published(now);
      }
    } catch (JMSException e) {
      throw new BrokerUnavailableException(e);
    }
    return batch.size();
  }

  private static TextMessage toJms(Session session, OutboxMessage row) throws JMSException {
    TextMessage message = session.createTextMessage(row.payload());
    message.setStringProperty(DUPLICATE_DETECTION_ID, row.messageId());
    message.setStringProperty("messageType", row.messageType());
    message.setIntProperty("schemaVersion", row.schemaVersion());
    if (row.messageKey() != null) {
      message.setStringProperty("complaintNumber", row.messageKey());
    }
    if (row.originalAddress() != null) {
      // As the broker marks what it dead-letters itself, so one replay serves both.
      message.setStringProperty(ORIGINAL_ADDRESS, row.originalAddress());
      message.setStringProperty(DEAD_LETTER_REASON, row.deadLetterReason());
    }
    message.setJMSType(row.messageType());
    return message;
  }

  /** The broker could not take the batch; the transaction rolls back and the rows stay pending. */
  @ApplicationException(rollback = true)
  public static class BrokerUnavailableException extends RuntimeException {
    BrokerUnavailableException(JMSException cause) {
      super("broker unavailable: " + cause.getMessage(), cause);
    }
  }
}

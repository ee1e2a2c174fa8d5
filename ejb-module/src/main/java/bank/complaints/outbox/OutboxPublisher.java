package bank.complaints.outbox;

import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes one batch of the outbox: the pending rows are read, sent to Artemis outside any XA
 * transaction, each with its {@code _AMQ_DUPL_ID}, and then marked published in a short database
 * transaction of their own. Should the marking be lost (a crash, a second server sending the same
 * rows), the resend carries the same duplicate-detection id and the broker drops it. No two-phase
 * commit is involved, so a broker killed mid-batch cannot leave a commit hanging (ADR 0003).
 */
@Stateless
public class OutboxPublisher {

  /** Artemis' duplicate-detection header (Message.HDR_DUPLICATE_DETECTION_ID). */
  static final String DUPLICATE_DETECTION_ID = "_AMQ_DUPL_ID";

  /** Artemis' original-address header of a dead letter (Message.HDR_ORIGINAL_ADDRESS). */
  public static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

  /** Why the application dead-lettered a message. */
  public static final String DEAD_LETTER_REASON = "deadLetterReason";

  private static final String PENDING =
      "select * from outbox_message where published_at is null order by id"
          + " fetch first %d rows only";

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Resource(lookup = "jms/complaints/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource SessionContext context;

  @Inject Clock clock;

  /**
   * Publishes up to {@code limit} pending messages; returns how many it published. What was sent
   * before a failure is marked published all the same.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int publishBatch(int limit) {
    @SuppressWarnings("unchecked")
    List<OutboxMessage> batch =
        em.createNativeQuery(PENDING.formatted(limit), OutboxMessage.class).getResultList();
    if (batch.isEmpty()) {
      return 0;
    }
    List<Long> sent = new ArrayList<>();
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
        sent.add(row.id());
      }
    } catch (JMSException | JMSRuntimeException e) {
      throw new BrokerUnavailableException(e);
    } finally {
      if (!sent.isEmpty()) {
        context.getBusinessObject(OutboxPublisher.class).markPublished(sent, clock.instant());
      }
    }
    return batch.size();
  }

  /** Marks rows published (rows another server marked first keep their time). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void markPublished(List<Long> ids, Instant at) {
    em.createQuery(
            "update OutboxMessage m set m.publishedAt = :at"
                + " where m.id in :ids and m.publishedAt is null")
        .setParameter("at", at.atOffset(ZoneOffset.UTC))
        .setParameter("ids", ids)
        .executeUpdate();
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
    BrokerUnavailableException(Exception cause) {
      super("broker unavailable: " + cause.getMessage(), cause);
    }
  }
}

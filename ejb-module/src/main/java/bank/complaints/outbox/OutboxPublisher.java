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
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes one batch of the outbox: the pending rows are read, sent to Artemis outside any XA
 * transaction, each with its {@code _AMQ_DUPL_ID}, and then marked published in a short database
 * transaction of their own. Should the marking be lost (a crash before it), the later resend
 * carries the same duplicate-detection id and the broker drops it; two sends of one row at the same
 * time, which the broker would not catch, the claims rule out ({@link Claims}). No two-phase commit
 * is involved, so a broker killed mid-batch cannot leave a commit hanging (ADR 0003).
 *
 * <p>A batch goes to the broker in one local JMS transaction: one journal write for the batch
 * instead of one synchronous, persistent send per message (ADR 0003, "Batches"). The broker refuses
 * a whole transaction that holds a duplicate; such a batch is sent again message by message, so the
 * duplicates alone are dropped.
 *
 * <p>A row the broker refuses by itself (an address it does not have, a message it will not take)
 * does not hold up the others: sent message by message, the rest go on, and the refused row waits
 * {@code complaints.outbox.refusal-retry} before it is tried again. After {@code
 * complaints.outbox.max-attempts} refusals it is set aside with the broker's reason ({@link
 * SetAsideMessages}), where operations see it and send it again once the cause is fixed.
 */
@Stateless
public class OutboxPublisher {

  private static final Logger LOG = Logger.getLogger(OutboxPublisher.class.getName());

  /** Artemis' duplicate-detection header (Message.HDR_DUPLICATE_DETECTION_ID). */
  static final String DUPLICATE_DETECTION_ID = "_AMQ_DUPL_ID";

  /** Artemis' original-address header of a dead letter (Message.HDR_ORIGINAL_ADDRESS). */
  public static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

  /** Why the application dead-lettered a message. */
  public static final String DEAD_LETTER_REASON = "deadLetterReason";

  /**
   * On a dead letter and its replay: the broker-authenticated sender of the message as it first
   * arrived. Only the platform's own broker users may speak for another sender this way.
   */
  public static final String ORIGINAL_SENDER = "originalSender";

  /**
   * On a message handed over in memory: when the transaction that wrote it committed (epoch
   * milliseconds). Absent on a message read back from the table (a failed hand-off, a crashed
   * server's, a replay).
   */
  public static final String COMMITTED_AT = "committedAt";

  private static final String PENDING =
      "select * from outbox_message where published_at is null and set_aside_at is null"
          + " and (last_refused_at is null or last_refused_at < ?)"
          + " and (claimed_until is null or claimed_until < ? or claimed_by = ?)"
          + " and created_at < ? order by id"
          + " fetch first %d rows only for update skip locked";

  /**
   * How long a row just written is left to the relay of the server that wrote it, which sends it
   * from memory right after the commit ({@link #publishHandedOver}); older rows (that server
   * crashed, or its send failed) are any relay's to read from the table and send.
   */
  static final Duration HAND_OFF = Duration.ofSeconds(5);

  private static final String REFUSED =
      "update outbox_message set send_attempts = send_attempts + 1, last_refusal = ?,"
          + " last_refused_at = ? where id = ? and published_at is null";

  private static final String SET_ASIDE =
      "update outbox_message set set_aside_at = ? where id = ? and send_attempts >= ?"
          + " and set_aside_at is null and published_at is null";

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Resource(lookup = "jms/complaints/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource SessionContext context;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "complaints.outbox.max-attempts")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "complaints.outbox.refusal-retry")
  Duration refusalRetry;

  /**
   * Publishes up to {@code limit} pending messages; returns how many it published (fewer than the
   * rows it read when the broker refused some). What was sent before a failure is marked published
   * all the same.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int publishBatch(int limit) {
    List<OutboxMessage> batch =
        context.getBusinessObject(OutboxPublisher.class).claim(limit, clock.instant());
    if (batch.isEmpty()) {
      return 0;
    }
    return publish(batch, true, null);
  }

  /**
   * Publishes rows this server's transactions have just committed, as they were written: nothing is
   * read back or claimed, each is this server's by the claim written with it ({@link Claims}), and
   * for {@link #HAND_OFF} not even this server's table read takes it. The ids sent are added to
   * {@code toMark}: the relay marks several batches in one transaction.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int publishHandedOver(List<OutboxMessage> batch, List<Long> toMark) {
    return batch.isEmpty() ? 0 : publish(batch, false, toMark);
  }

  /**
   * Sends the batch; the ids sent are marked published here, or, given {@code toMark}, added to it
   * for the caller to mark with later batches' ({@link #markPublished}), also when sending fails
   * part way.
   */
  private int publish(List<OutboxMessage> batch, boolean claimed, List<Long> toMark) {
    List<Long> sent = new ArrayList<>();
    Map<Long, String> refused = new HashMap<>();
    try {
      List<OutboxMessage> due = withTimeLeft(batch);
      if (due.isEmpty()) {
        return 0;
      } else if (sendInOneTransaction(due)) {
        due.forEach(row -> sent.add(row.id()));
      } else {
        sendOneByOne(due, sent, refused);
      }
    } catch (JMSException | JMSRuntimeException e) {
      throw new BrokerUnavailableException(e);
    } finally {
      OutboxPublisher self = context.getBusinessObject(OutboxPublisher.class);
      if (toMark != null) {
        toMark.addAll(sent);
      } else if (!sent.isEmpty()) {
        self.markPublished(sent, clock.instant());
      }
      if (claimed && sent.size() < batch.size()) {
        // What was not sent (refused, or the broker gone) is free again at once for any server.
        self.release(
            batch.stream().map(OutboxMessage::id).filter(id -> !sent.contains(id)).toList());
      }
      if (!refused.isEmpty()) {
        self.recordRefusals(refused, clock.instant());
      }
    }
    return sent.size();
  }

  /**
   * Sends the batch in one broker transaction; false when the broker refused it. It refuses a whole
   * transaction that holds a message it has seen before (a batch sent, then not marked); a broker
   * that is down fails the message-by-message resend as well.
   */
  private boolean sendInOneTransaction(List<OutboxMessage> batch) {
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession(Session.SESSION_TRANSACTED)) {
      MessageProducer producer = session.createProducer(null);
      for (OutboxMessage row : batch) {
        send(session, producer, row);
      }
      if (withTimeLeft(batch).size() < batch.size()) {
        session.rollback(); // slow: message by message, each while its claim lasts
        return false;
      }
      session.commit();
      return true;
    } catch (JMSException | JMSRuntimeException refused) {
      LOG.log(Level.FINE, "batch refused as a whole; sending message by message", refused);
      return false;
    }
  }

  /**
   * Sends the rows one at a time: a row the broker refuses by itself is noted with the reason and
   * the next is sent; any other failure (the broker gone) ends the batch. A row whose claim runs
   * out is not sent: it is left to the next claim.
   */
  private void sendOneByOne(List<OutboxMessage> batch, List<Long> sent, Map<Long, String> refused)
      throws JMSException {
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
      MessageProducer producer = session.createProducer(null);
      for (OutboxMessage row : batch) {
        if (!row.maySend(clock.instant())) {
          continue;
        }
        try {
          send(session, producer, row);
          sent.add(row.id());
        } catch (JMSException e) {
          if (!BrokerRefusal.isRefusalOfThisMessage(e)) {
            throw e;
          }
          LOG.warning(
              () ->
                  "Outbox message "
                      + row.id()
                      + " to "
                      + row.destination()
                      + " refused by the broker: "
                      + e.getMessage());
          refused.put(row.id(), BrokerRefusal.reason(e));
        }
      }
    }
  }

  /**
   * The rows whose claim still leaves time to send them ({@link Claims#LAST_CALL}); the others are
   * left to the next claim: this server's table read for a row it wrote, any server's once the
   * claim has lapsed.
   */
  private List<OutboxMessage> withTimeLeft(List<OutboxMessage> batch) {
    Instant now = clock.instant();
    List<OutboxMessage> due = batch.stream().filter(row -> row.maySend(now)).toList();
    if (due.size() < batch.size()) {
      LOG.info(
          () ->
              (batch.size() - due.size())
                  + " outbox messages not sent now: too little of their claim is left; the next"
                  + " claim sends them");
    }
    return due;
  }

  /**
   * The queues sent to, by name. Looking a queue up is a round trip to the broker (Artemis' client
   * asks whether it exists), once per destination and session; a queue is a name, valid in any
   * session, so each is looked up once per server (issue 18: a handful of lookups per batch were
   * much of the broker's work at a moderate load). A name the broker does not know is not kept: its
   * lookup fails, each time, as a refusal of that message.
   */
  private static final ConcurrentMap<String, Queue> QUEUES = new ConcurrentHashMap<>();

  /** Sends one row. */
  private static void send(Session session, MessageProducer producer, OutboxMessage row)
      throws JMSException {
    Queue queue = QUEUES.get(row.destination());
    if (queue == null) {
      queue = session.createQueue(row.destination());
      QUEUES.putIfAbsent(row.destination(), queue);
    }
    producer.send(
        queue,
        toJms(session, row),
        DeliveryMode.PERSISTENT,
        Message.DEFAULT_PRIORITY,
        Message.DEFAULT_TIME_TO_LIVE);
  }

  /**
   * Claims up to {@code limit} pending rows for this server for {@link Claims#READER}: rows another
   * server is claiming right now are skipped, not waited for, and rows it claimed (by writing or by
   * reading them) stay its own until it has published them or its claim has expired. This server's
   * own claims do not keep it off a row.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<OutboxMessage> claim(int limit, Instant now) {
    @SuppressWarnings("unchecked")
    List<OutboxMessage> batch =
        em.createNativeQuery(PENDING.formatted(limit), OutboxMessage.class)
            .setParameter(1, now.minus(refusalRetry).atOffset(ZoneOffset.UTC))
            .setParameter(2, now.atOffset(ZoneOffset.UTC))
            .setParameter(3, Claims.THIS_SERVER)
            .setParameter(4, now.minus(HAND_OFF).atOffset(ZoneOffset.UTC))
            .getResultList();
    if (!batch.isEmpty()) {
      OffsetDateTime until = now.plus(Claims.READER).atOffset(ZoneOffset.UTC);
      List<Long> ids = padded(batch.stream().map(OutboxMessage::id).toList());
      var update =
          em.createNativeQuery(
              "update outbox_message set claimed_until = ?, claimed_by = ? where id in ("
                  + String.join(",", ids.stream().map(r -> "?").toList())
                  + ")");
      update.setParameter(1, until);
      update.setParameter(2, Claims.THIS_SERVER);
      for (int i = 0; i < ids.size(); i++) {
        update.setParameter(i + 3, ids.get(i));
      }
      update.executeUpdate();
      batch.forEach(em::detach);
      batch.forEach(row -> row.claimedUntil(until));
    }
    return batch;
  }

  /** Gives up this server's claim on rows it did not send. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void release(List<Long> ids) {
    em.createQuery(
            "update OutboxMessage m set m.claimedUntil = null, m.claimedBy = null"
                + " where m.id in :ids")
        .setParameter("ids", padded(ids))
        .executeUpdate();
  }

  /** Marks rows published (rows another server marked first keep their time). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void markPublished(List<Long> ids, Instant at) {
    em.createQuery(
            "update OutboxMessage m set m.publishedAt = :at"
                + " where m.id in :ids and m.publishedAt is null")
        .setParameter("at", at.atOffset(ZoneOffset.UTC))
        .setParameter("ids", padded(ids))
        .executeUpdate();
  }

  /**
   * The ids, the last repeated up to the next power of two: a statement with an id list takes one
   * of a few shapes, each prepared and planned once by PostgreSQL, instead of one shape per batch
   * size, each parsed and planned again (the relay's marking was 10 % of the database's time).
   */
  static List<Long> padded(List<Long> ids) {
    int size = Integer.highestOneBit(Math.max(1, ids.size() - 1)) << 1;
    if (ids.size() <= 1 || ids.size() == size) {
      return ids;
    }
    List<Long> padded = new ArrayList<>(size);
    padded.addAll(ids);
    while (padded.size() < size) {
      padded.add(ids.get(ids.size() - 1));
    }
    return padded;
  }

  /**
   * Counts one refusal per row; a row refused {@code complaints.outbox.max-attempts} times is set
   * aside.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordRefusals(Map<Long, String> refusals, Instant at) {
    OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
    refusals.forEach(
        (id, reason) -> {
          em.createNativeQuery(REFUSED)
              .setParameter(1, reason)
              .setParameter(2, now)
              .setParameter(3, id)
              .executeUpdate();
          if (em.createNativeQuery(SET_ASIDE)
                  .setParameter(1, now)
                  .setParameter(2, id)
                  .setParameter(3, maxAttempts)
                  .executeUpdate()
              == 1) {
            LOG.warning(
                () ->
                    "Outbox message "
                        + id
                        + " set aside after "
                        + maxAttempts
                        + " refusals: "
                        + reason
                        + " (see /api/v1/admin/outbox/set-aside)");
          }
        });
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
      if (row.originalSender() != null) {
        message.setStringProperty(ORIGINAL_SENDER, row.originalSender());
      }
    }
    if (row.committedAt().isPresent()) {
      // When the transaction that wrote it committed: with JMSTimestamp (sent), a consumer sees
      // how long the message took from its commit to the broker, and to itself.
      message.setLongProperty(COMMITTED_AT, row.committedAt().get().toEpochMilli());
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

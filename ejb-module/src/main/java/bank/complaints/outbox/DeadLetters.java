package bank.complaints.outbox;

import bank.complaints.audit.Audited;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.NotFoundException;
import bank.complaints.common.RuleViolationException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What could not be delivered or processed, on {@code complaints.DLQ}: dead-lettered by the broker
 * after its redeliveries, or by the application with a reason. Operations list them and replay one
 * to the address it was meant for, once the cause is fixed, or all that match a filter. A replay
 * runs in one XA transaction: taken off the DLQ and sent back together, or not at all. A replayed
 * message carries its original sender ({@link OutboxPublisher#ORIGINAL_SENDER}), so that it is
 * judged as it was the first time and not as a message of the platform's own.
 */
@Stateless
public class DeadLetters {

  public static final String QUEUE = "complaints.DLQ";
  private static final Pattern MESSAGE_ID = Pattern.compile("ID:[0-9a-fA-F-]{1,64}");
  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._-]{1,200}");
  private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";

  @Resource(lookup = "jms/complaints/ConnectionFactory")
  ConnectionFactory connectionFactory;

  /** One dead letter, as operations see it (its body is shown abbreviated). */
  public record DeadLetter(
      String messageId,
      String originalAddress,
      String messageType,
      String complaintNumber,
      String reason,
      String sender,
      int deliveryCount,
      Instant deadLetteredAt,
      String body) {}

  /** At most {@code limit} dead letters, oldest first (a browse: no transaction needed). */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<DeadLetter> list(int limit) {
    try (Connection connection = connectionFactory.createConnection()) {
      connection.start();
      Session session = connection.createSession();
      try (QueueBrowser browser = session.createBrowser(session.createQueue(QUEUE))) {
        List<DeadLetter> letters = new ArrayList<>();
        for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
          if (letters.size() == limit) {
            break;
          }
          letters.add(view((Message) e.nextElement()));
        }
        return letters;
      }
    } catch (JMSException e) {
      throw new OutboxPublisher.BrokerUnavailableException(e);
    }
  }

  /** Artemis' management address, and the properties of a request to it (ManagementHelper). */
  private static final String MANAGEMENT_ADDRESS = "activemq.management";

  private static final String RESOURCE_NAME = "_AMQ_ResourceName";
  private static final String ATTRIBUTE = "_AMQ_Attribute";
  private static final String SUCCEEDED = "_AMQ_OperationSucceeded";

  /** How long the count waits for the broker's answer. */
  private static final long MANAGEMENT_WAIT_MS = 5_000;

  /**
   * How many dead letters wait, for the metric: the broker's own count of the queue, asked by a
   * management request. Counting by browsing, as before, carried every dead letter into the server
   * every 15 s and held them all in its heap at once: with the 200,000 letters a weekend's outage
   * of a department can leave, more than the server's heap.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long count() {
    try (Connection connection = connectionFactory.createConnection()) {
      connection.start();
      Session session = connection.createSession();
      Queue replies = session.createTemporaryQueue();
      Message request = session.createMessage();
      request.setStringProperty(RESOURCE_NAME, "queue." + QUEUE);
      request.setStringProperty(ATTRIBUTE, "messageCount");
      request.setJMSReplyTo(replies);
      MessageProducer producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
      producer.send(
          request, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY, MANAGEMENT_WAIT_MS);
      Message reply = session.createConsumer(replies).receive(MANAGEMENT_WAIT_MS);
      if (reply == null) {
        throw new JMSException("the broker did not answer the count of " + QUEUE);
      }
      String result = reply instanceof TextMessage text ? text.getText() : null;
      if (!reply.getBooleanProperty(SUCCEEDED) || result == null) {
        throw new JMSException("the broker refused the count of " + QUEUE + ": " + result);
      }
      return managementNumber(result);
    } catch (JMSException e) {
      throw new OutboxPublisher.BrokerUnavailableException(e);
    }
  }

  /** The number in a management answer: its result as a JSON array of one, e.g. {@code [12]}. */
  static long managementNumber(String result) throws JMSException {
    String number = result.strip();
    if (number.startsWith("[") && number.endsWith("]")) {
      number = number.substring(1, number.length() - 1).strip();
    }
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException e) {
      throw new JMSException("not a count: " + result);
    }
  }

  /** Sends one dead letter back to the address it was meant for; returns that address. */
  @Audited
  public String replay(String messageId) {
    if (!MESSAGE_ID.matcher(messageId).matches()) {
      throw new NotFoundException("No dead letter " + messageId + ".");
    }
    try (Connection connection = connectionFactory.createConnection()) {
      connection.start();
      Session session = connection.createSession();
      MessageConsumer consumer =
          session.createConsumer(session.createQueue(QUEUE), "JMSMessageID = '" + messageId + "'");
      Message letter = consumer.receive(2_000);
      if (letter == null) {
        throw new NotFoundException("No dead letter " + messageId + ".");
      }
      String address = letter.getStringProperty(OutboxPublisher.ORIGINAL_ADDRESS);
      if (address == null) {
        throw new RuleViolationException(
            "Dead letter " + messageId + " does not say where it was meant to go.");
      }
      sendBack(session, letter, address);
      return address;
    } catch (JMSException e) {
      throw new OutboxPublisher.BrokerUnavailableException(e);
    }
  }

  /**
   * Sends back, oldest first, at most {@code limit} dead letters meant for {@code originalAddress}
   * (any, when null) of type {@code messageType} (any, when null); returns their message ids. For
   * the morning after an outage: every result that waited out its redeliveries goes back at once.
   */
  @Audited
  public List<String> replayAll(String originalAddress, String messageType, int limit) {
    StringBuilder selector =
        new StringBuilder(OutboxPublisher.ORIGINAL_ADDRESS).append(" IS NOT NULL");
    if (originalAddress != null) {
      if (!ADDRESS.matcher(originalAddress).matches()) {
        throw new InvalidRequestException(
            "originalAddress is an address name: letters, digits, '.', '_', '-'.");
      }
      selector
          .append(" AND ")
          .append(OutboxPublisher.ORIGINAL_ADDRESS)
          .append(" = '")
          .append(originalAddress)
          .append("'");
    }
    if (messageType != null) {
      if (!TYPE.matcher(messageType).matches()) {
        throw new InvalidRequestException(
            "messageType is a message type: letters, digits, '.', '_', '-'.");
      }
      selector.append(" AND messageType = '").append(messageType).append("'");
    }
    try (Connection connection = connectionFactory.createConnection()) {
      connection.start();
      Session session = connection.createSession();
      MessageConsumer consumer =
          session.createConsumer(session.createQueue(QUEUE), selector.toString());
      List<String> replayed = new ArrayList<>();
      for (Message letter = consumer.receive(1_000);
          letter != null;
          letter = replayed.size() == limit ? null : consumer.receive(500)) {
        sendBack(session, letter, letter.getStringProperty(OutboxPublisher.ORIGINAL_ADDRESS));
        replayed.add(letter.getJMSMessageID());
      }
      return replayed;
    } catch (JMSException e) {
      throw new OutboxPublisher.BrokerUnavailableException(e);
    }
  }

  private static void sendBack(Session session, Message letter, String address)
      throws JMSException {
    Queue target = session.createQueue(address);
    MessageProducer producer = session.createProducer(target);
    producer.send(copyOf(session, letter));
  }

  private static Message copyOf(Session session, Message letter) throws JMSException {
    Message copy =
        letter instanceof TextMessage text
            ? session.createTextMessage(text.getText())
            : session.createMessage();
    for (Enumeration<?> names = letter.getPropertyNames(); names.hasMoreElements(); ) {
      String name = (String) names.nextElement();
      if (!name.startsWith("_AMQ")
          && !name.startsWith("JMSX")
          && !name.equals("deadLetterReason")) {
        copy.setObjectProperty(name, letter.getObjectProperty(name));
      }
    }
    copy.setJMSType(letter.getJMSType());
    if (!letter.propertyExists(OutboxPublisher.ORIGINAL_SENDER)
        && letter.getStringProperty(VALIDATED_USER) != null) {
      // dead-lettered by the broker: the user it authenticated when the message first arrived
      copy.setStringProperty(
          OutboxPublisher.ORIGINAL_SENDER, letter.getStringProperty(VALIDATED_USER));
    }
    return copy;
  }

  private static DeadLetter view(Message m) throws JMSException {
    String body = m instanceof TextMessage text ? text.getText() : null;
    if (body != null && body.length() > 500) {
      body = body.substring(0, 500) + "…";
    }
    String reason = m.getStringProperty(OutboxPublisher.DEAD_LETTER_REASON);
    return new DeadLetter(
        m.getJMSMessageID(),
        m.getStringProperty(OutboxPublisher.ORIGINAL_ADDRESS),
        m.getStringProperty("messageType"),
        m.getStringProperty("complaintNumber"),
        reason == null ? "redelivered until the broker gave up" : reason,
        m.propertyExists(OutboxPublisher.ORIGINAL_SENDER)
            ? m.getStringProperty(OutboxPublisher.ORIGINAL_SENDER)
            : m.getStringProperty(VALIDATED_USER),
        m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : 0,
        m.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(m.getJMSTimestamp()),
        body);
  }
}

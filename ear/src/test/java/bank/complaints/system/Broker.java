package bank.complaints.system;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** The Artemis broker as a department's plain JMS client outside the server sees it. */
final class Broker {

  /** The broker of a single-server run (the primary of a cluster's pair). */
  static final String URL = "tcp://127.0.0.1:61616";

  /** A cluster's backup broker, active after a fail-over. */
  static final String BACKUP_URL = "tcp://127.0.0.1:61617";

  /**
   * A cluster's broker pair, as a department's client knows it: whichever of the two is active,
   * following a fail-over.
   */
  static final String PAIR_URL =
      "(tcp://127.0.0.1:61616,tcp://127.0.0.1:61617)?ha=true&reconnectAttempts=-1"
          + "&retryInterval=500&initialConnectAttempts=20";

  private Broker() {}

  /** Consumes the first message for a complaint from a queue, or {@code null} after the timeout. */
  static Message receive(String queue, String complaintNumber, long timeoutMillis)
      throws JMSException {
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory("tcp://127.0.0.1:61616", "complaints", "complaints");
        Connection connection = factory.createConnection()) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer consumer =
          session.createConsumer(
              session.createQueue(queue), "complaintNumber = '" + complaintNumber + "'");
      return consumer.receive(timeoutMillis);
    }
  }

  /**
   * Consumes a complaint's messages from a queue until one whose JSON body matches, or {@code null}
   * after the timeout; the ones before it are consumed too (a department reads them in order).
   */
  static JsonObject receiveMatching(
      String queue, String complaintNumber, Predicate<JsonObject> wanted, long timeoutMillis)
      throws JMSException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory("tcp://127.0.0.1:61616", "complaints", "complaints");
        Connection connection = factory.createConnection()) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer consumer =
          session.createConsumer(
              session.createQueue(queue), "complaintNumber = '" + complaintNumber + "'");
      for (long left = timeoutMillis; left > 0; left = deadline - System.currentTimeMillis()) {
        Message message = consumer.receive(left);
        if (message == null) {
          return null;
        }
        JsonObject body = Api.json(((TextMessage) message).getText());
        if (wanted.test(body)) {
          return body;
        }
      }
      return null;
    }
  }

  /**
   * Consumes the message of one kind (the body's {@code kind}) for a complaint, or {@code null}
   * after the timeout. The complaint's messages of other kinds stay on the queue: they are looked
   * at through a browser, and only the one wanted is taken, by its message id.
   */
  static JsonObject receive(String queue, String complaintNumber, String kind, long timeoutMillis)
      throws JMSException {
    return receiveAs("complaints", "complaints", queue, complaintNumber, kind, timeoutMillis);
  }

  /** As {@link #receive(String, String, String, long)}, logged in as a given broker user. */
  static JsonObject receiveAs(
      String user,
      String password,
      String queue,
      String complaintNumber,
      String kind,
      long timeoutMillis)
      throws JMSException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    String ofTheComplaint = "complaintNumber = '" + complaintNumber + "'";
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory("tcp://127.0.0.1:61616", user, password);
        Connection connection = factory.createConnection()) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      Queue destination = session.createQueue(queue);
      do {
        var browsed = session.createBrowser(destination, ofTheComplaint).getEnumeration();
        while (browsed.hasMoreElements()) {
          Message message = (Message) browsed.nextElement();
          JsonObject body = Api.json(((TextMessage) message).getText());
          if (kind.equals(body.getString("kind", null))) {
            String id = message.getJMSMessageID();
            try (MessageConsumer consumer =
                session.createConsumer(
                    destination, ofTheComplaint + " AND JMSMessageID = '" + id + "'")) {
              if (consumer.receive(5_000) != null) {
                return body;
              }
            }
          }
        }
        sleep(100);
      } while (System.currentTimeMillis() < deadline);
      return null;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the queue holds no message, counting those being delivered to a consumer (the
   * broker's own count, asked through its management address), so that a test knows every message
   * it sent has been processed, not only the first.
   */
  static void awaitDrained(String queue, long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory("tcp://127.0.0.1:61616", "complaints", "complaints");
        QueueConnection connection = factory.createQueueConnection()) {
      connection.start();
      QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
      QueueRequestor requestor =
          new QueueRequestor(session, ActiveMQJMSClient.createQueue("activemq.management"));
      long count;
      do {
        Message ask = session.createMessage();
        JMSManagementHelper.putAttribute(ask, ResourceNames.QUEUE + queue, "messageCount");
        count = ((Number) JMSManagementHelper.getResult(requestor.request(ask))).longValue();
        if (count == 0) {
          return;
        }
        sleep(100);
      } while (System.currentTimeMillis() < deadline);
      throw new AssertionError(count + " messages still on " + queue);
    }
  }

  /** Invokes an operation of the broker's management (as the platform's broker user). */
  static Object manage(String resource, String operation, Object... parameters) throws Exception {
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory("tcp://127.0.0.1:61616", "complaints", "complaints");
        QueueConnection connection = factory.createQueueConnection()) {
      connection.start();
      QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
      QueueRequestor requestor =
          new QueueRequestor(session, ActiveMQJMSClient.createQueue("activemq.management"));
      Message ask = session.createMessage();
      JMSManagementHelper.putOperationInvocation(ask, resource, operation, parameters);
      Message answer = requestor.request(ask);
      if (!JMSManagementHelper.hasOperationSucceeded(answer)) {
        throw new IllegalStateException(
            operation + " failed: " + JMSManagementHelper.getResult(answer));
      }
      return JMSManagementHelper.getResult(answer);
    }
  }

  /** Creates an anycast queue of that name on its own address, as operations would. */
  static void createQueue(String name) throws Exception {
    manage(ResourceNames.BROKER, "createAddress", name, "ANYCAST");
    manage(
        ResourceNames.BROKER,
        "createQueue",
        "{\"name\":\""
            + name
            + "\",\"address\":\""
            + name
            + "\",\"routing-type\":\"ANYCAST\",\"durable\":true}",
        true);
  }

  /** Removes a queue and its address. */
  static void destroyQueue(String name) throws Exception {
    manage(ResourceNames.BROKER, "destroyQueue", name, true, true);
  }

  /** Sends a text message as a department's system would, with string properties. */
  static void send(String queue, String body, Map<String, String> properties) throws JMSException {
    sendAs("complaints", "complaints", queue, body, properties);
  }

  /** A department's system: broker user dept-CODE (scripts/runtime.sh, local password). */
  static void sendAsDepartment(String code, String queue, String body) throws JMSException {
    sendAs("dept-" + code, "department", queue, body, Map.of());
  }

  /** Whether department CODE's broker user may take a message off {@code queue}. */
  static boolean departmentMayConsume(String code, String queue) {
    return mayConsume("dept-" + code, "department", queue);
  }

  /**
   * Whether a broker user may take a message off {@code queue}: {@code false} for a login the
   * broker refuses, too.
   */
  static boolean mayConsume(String user, String password, String queue) {
    return mayConsume(URL, user, password, queue);
  }

  /** As {@link #mayConsume(String, String, String)}, on the broker at {@code url}. */
  static boolean mayConsume(String url, String user, String password, String queue) {
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
        Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
      session.createBrowser(session.createQueue(queue)).getEnumeration().hasMoreElements();
      return true;
    } catch (jakarta.jms.JMSSecurityException refused) {
      return false;
    } catch (JMSException e) {
      if (e.getCause() instanceof org.apache.activemq.artemis.api.core.ActiveMQSecurityException) {
        return false;
      }
      throw new IllegalStateException(e);
    }
  }

  static void sendAs(
      String user, String password, String queue, String body, Map<String, String> properties)
      throws JMSException {
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory("tcp://127.0.0.1:61616", user, password);
        Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      TextMessage message = session.createTextMessage(body);
      for (Map.Entry<String, String> p : properties.entrySet()) {
        message.setStringProperty(p.getKey(), p.getValue());
      }
      session.createProducer(session.createQueue(queue)).send(message);
    }
  }

  static void stop() {
    Runtime.run("broker-down");
  }

  static void start() {
    Runtime.run("broker-up");
  }

  /**
   * Takes a test's own messages off the CSC queue at {@code url} (selected by their complaint
   * numbers, so that other tests' messages stay for them and for the leak check) until every
   * complaint's assignment arrived and 3 s pass without another, counting assignments per
   * complaint.
   */
  static Map<String, Integer> drainAssignments(String url, Set<String> numbers, Duration within)
      throws Exception {
    return drain(url, "complaints.tasks.CSC", "ASSIGNMENT", numbers, within);
  }

  /**
   * Takes the messages for these complaints off a queue at {@code url} until each complaint's
   * message of this {@code kind} (the body's) arrived and 3 s pass without another, counting them
   * per complaint.
   */
  static Map<String, Integer> drain(
      String url, String queue, String kind, Set<String> numbers, Duration within)
      throws Exception {
    Map<String, Integer> seen = new HashMap<>();
    Instant deadline = Instant.now().plus(within);
    List<String> all = List.copyOf(numbers);
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory(url, "complaints", "complaints");
        Connection connection = factory.createConnection()) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      List<MessageConsumer> consumers = new ArrayList<>();
      for (int from = 0; from < all.size(); from += 200) {
        String in =
            all.subList(from, Math.min(all.size(), from + 200)).stream()
                .map(n -> "'" + n + "'")
                .collect(java.util.stream.Collectors.joining(","));
        consumers.add(
            session.createConsumer(session.createQueue(queue), "complaintNumber IN (" + in + ")"));
      }
      Instant quietSince = Instant.now();
      while (Instant.now().isBefore(deadline)) {
        boolean any = false;
        for (MessageConsumer consumer : consumers) {
          for (Message message = consumer.receive(100);
              message != null;
              message = consumer.receiveNoWait()) {
            any = true;
            if (kind.equals(
                Api.json(((jakarta.jms.TextMessage) message).getText()).getString("kind"))) {
              seen.merge(message.getStringProperty("complaintNumber"), 1, Integer::sum);
            }
          }
        }
        if (any) {
          quietSince = Instant.now();
        } else if (seen.keySet().containsAll(numbers)
            && Duration.between(quietSince, Instant.now()).toSeconds() >= 3) {
          break;
        }
      }
    }
    return seen;
  }
}

package bank.complaints.system;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** The Artemis broker as a department's plain JMS client outside the server sees it. */
final class Broker {

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

  /** Sends a text message as a department's system would, with string properties. */
  static void send(String queue, String body, Map<String, String> properties) throws JMSException {
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory("tcp://127.0.0.1:61616", "complaints", "complaints");
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
}

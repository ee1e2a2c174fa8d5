package bank.complaints.system;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
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

  static void stop() {
    Runtime.run("broker-down");
  }

  static void start() {
    Runtime.run("broker-up");
  }
}

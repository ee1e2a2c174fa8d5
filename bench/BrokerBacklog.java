import java.util.Arrays;
import java.util.UUID;
import javax.jms.Connection;
import javax.jms.DeliveryMode;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.MessageProducer;
import javax.jms.Queue;
import javax.jms.Session;
import javax.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A backlog in the broker, as when the departments' systems and the notice gateways stop reading
 * for a long while (bench/broker-backlog.sh): sends messages as the outbox relay does (persistent,
 * 200 per broker transaction, a duplicate-detection id each, a payload the size of a task's) to the
 * given queues in turn, with nobody reading; or reads every message of the given queues and counts
 * them.
 *
 * <pre>
 * java -cp '&lt;artemis&gt;/lib/*' bench/BrokerBacklog.java send  &lt;url&gt; &lt;user&gt; &lt;password&gt; &lt;count&gt; &lt;queue&gt;...
 * java -cp '&lt;artemis&gt;/lib/*' bench/BrokerBacklog.java count &lt;url&gt; &lt;user&gt; &lt;password&gt; &lt;queue&gt;...
 * </pre>
 */
public final class BrokerBacklog {

  private static final int BATCH = 200;

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(args[1]);
    try (Connection connection = factory.createConnection(args[2], args[3])) {
      Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
      if (mode.equals("send")) {
        send(session, Long.parseLong(args[4]), Arrays.copyOfRange(args, 5, args.length));
      } else {
        connection.start();
        count(session, Arrays.copyOfRange(args, 4, args.length));
      }
    }
  }

  private static void send(Session session, long count, String[] queueNames) throws Exception {
    Queue[] queues = new Queue[queueNames.length];
    for (int i = 0; i < queues.length; i++) {
      queues[i] = session.createQueue(queueNames[i]);
    }
    MessageProducer producer = session.createProducer(null);
    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    String payload =
        "{\"type\":\"ASSIGNMENT\",\"createdAt\":\"2026-12-03T23:00:00Z\",\"text\":\""
            + "x".repeat(300)
            + "\"}";
    long started = System.nanoTime();
    for (long i = 0; i < count; i++) {
      TextMessage message = session.createTextMessage(payload);
      message.setStringProperty("_AMQ_DUPL_ID", UUID.randomUUID().toString());
      message.setLongProperty("committedAt", System.currentTimeMillis());
      producer.send(queues[(int) (i % queues.length)], message);
      if ((i + 1) % BATCH == 0 || i + 1 == count) {
        session.commit();
      }
      if ((i + 1) % 100_000 == 0) {
        System.out.printf("sent %d (%.0f/s)%n", i + 1, (i + 1) / seconds(started));
      }
    }
    System.out.printf("sent=%d seconds=%.1f%n", count, seconds(started));
  }

  private static void count(Session session, String[] queueNames) throws Exception {
    long total = 0;
    long started = System.nanoTime();
    for (String name : queueNames) {
      long n = 0;
      try (MessageConsumer consumer = session.createConsumer(session.createQueue(name))) {
        for (Message m; (m = consumer.receive(5_000)) != null; ) {
          if (++n % 1_000 == 0) {
            session.commit();
          }
        }
        session.commit();
      }
      System.out.printf("queue %s: %d%n", name, n);
      total += n;
    }
    System.out.printf("received=%d seconds=%.1f%n", total, seconds(started));
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jms.Connection;
import javax.jms.MessageConsumer;
import javax.jms.Session;
import javax.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The department's wait under load (issue 18), measured outside the server: consumes the task
 * queues as the department systems do (each as its own broker user) until it is stopped, and for
 * every task writes one line {@code opened sent delivered committed} (epoch milliseconds) to
 * standard output: when the task was opened (its {@code createdAt}), when the outbox relay handed
 * its message to the broker (JMSTimestamp), when it arrived here, and when the registration's
 * transaction committed (the message's {@code committedAt}, set on the tasks the relay sends from
 * memory; {@code -} on one read back from the table). The benchmark scripts take the lines of a
 * phase and compute the percentiles.
 *
 * <p>The task's {@code createdAt} is taken inside its registration's transaction just before the
 * task row is written; the rest of the registration, and under group commit the rest of its group,
 * follow before the commit. "committed → delivered" is the department's wait as issue 18 defines
 * it; "opened → delivered" adds the rest of the transaction.
 *
 * <p>After {@code --drain <user> <password>} come the queues the bank's other systems read (the
 * notice gateways, the escalation and incident desks): consumed and dropped, as those systems
 * would, so that a benchmark's messages do not pile up in the broker. A broker holding millions of
 * unread messages pages them to disk and spends several times the CPU per message that it spends
 * with its queues read (measured: 0.7–2.0 ms per registration against 0.3).
 *
 * <p>Messages are acknowledged lazily (dups-ok), in batches; stopped ({@code kill}), it closes its
 * connections, which acknowledges the last batch: without that, each run read the last one of the
 * run before again. A message that is no task (not text) is counted and reported once.
 *
 * <p>Run with the broker's own client jars: {@code java -cp '<artemis>/lib/*'
 * bench/TaskWait.java <url> <password> <DEPT>... [--drain <user> <password> <queue>...]}
 */
public final class TaskWait {

  private static final Pattern CREATED = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String password = args[1];
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
    Executors.newSingleThreadScheduledExecutor()
        .scheduleAtFixedRate(() -> { synchronized (out) { out.flush(); } }, 1, 1, TimeUnit.SECONDS);
    List<Connection> connections = new ArrayList<>();
    AtomicLong unreadable = new AtomicLong();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Connection connection : connections) {
                    try {
                      connection.close(); // acknowledges what was consumed since the last batch
                    } catch (Exception e) {
                      System.err.println("closing a connection: " + e);
                    }
                  }
                  if (unreadable.get() > 0) {
                    System.err.println(
                        unreadable.get() + " messages on the task queues were no task");
                  }
                }));
    int drain = Arrays.asList(args).indexOf("--drain");
    int departments = drain < 0 ? args.length : drain;
    if (drain >= 0) {
      Connection connection =
          new ActiveMQConnectionFactory(url).createConnection(args[drain + 1], args[drain + 2]);
      connections.add(connection);
      for (String queue : Arrays.copyOfRange(args, drain + 3, args.length)) {
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        session.createConsumer(session.createQueue(queue)).setMessageListener(message -> {});
      }
      connection.start();
    }
    for (String department : Arrays.copyOfRange(args, 2, departments)) {
      ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
      Connection connection = factory.createConnection("dept-" + department, password);
      connections.add(connection);
      Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
      MessageConsumer consumer =
          session.createConsumer(session.createQueue("complaints.tasks." + department));
      consumer.setMessageListener(
          message -> {
            long delivered = System.currentTimeMillis();
            if (!(message instanceof TextMessage text)) {
              unreadable.incrementAndGet();
              return;
            }
            try {
              Matcher m = CREATED.matcher(text.getText());
              if (m.find()) {
                long opened = Instant.parse(m.group(1)).toEpochMilli();
                // When the registration committed: on a task the relay handed over from memory.
                String committed =
                    message.propertyExists("committedAt")
                        ? Long.toString(message.getLongProperty("committedAt"))
                        : "-";
                synchronized (out) {
                  out.println(
                      opened + " " + message.getJMSTimestamp() + " " + delivered + " " + committed);
                }
              }
            } catch (Exception e) {
              System.err.println("unreadable task message: " + e);
            }
          });
      connection.start();
    }
    Thread.currentThread().join(); // until stopped
  }
}

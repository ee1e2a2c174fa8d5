import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * every task writes one line {@code opened sent delivered} (epoch milliseconds) to standard output:
 * when the task was opened (its {@code createdAt}), when the outbox relay handed its message to
 * the broker (JMSTimestamp) and when it arrived here. The benchmark scripts take the lines of a
 * phase and compute the percentiles.
 *
 * <p>The task's {@code createdAt} is the registration's time, taken inside its transaction just
 * before the task row is written; the commit follows within the same request. So "opened →
 * delivered" is the department's wait from the commit plus the rest of that transaction: an upper
 * bound of commit → on the queue.
 *
 * <p>Run with the broker's own client jars: {@code java -cp '<artemis>/lib/*'
 * bench/TaskWait.java <url> <password> <DEPT>...}
 */
public final class TaskWait {

  private static final Pattern CREATED = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String password = args[1];
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
    Executors.newSingleThreadScheduledExecutor()
        .scheduleAtFixedRate(() -> { synchronized (out) { out.flush(); } }, 1, 1, TimeUnit.SECONDS);
    for (String department : Arrays.copyOfRange(args, 2, args.length)) {
      ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
      Connection connection = factory.createConnection("dept-" + department, password);
      Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
      MessageConsumer consumer =
          session.createConsumer(session.createQueue("complaints.tasks." + department));
      consumer.setMessageListener(
          message -> {
            long delivered = System.currentTimeMillis();
            try {
              Matcher m = CREATED.matcher(((TextMessage) message).getText());
              if (m.find()) {
                long opened = Instant.parse(m.group(1)).toEpochMilli();
                synchronized (out) {
                  out.println(opened + " " + message.getJMSTimestamp() + " " + delivered);
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

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Crashes under load: a stream of 1,000 complaints from eight channel clients, each retrying with
 * its Idempotency-Key until answered, while the server (then the broker) is killed with kill -9 and
 * restarted. Every accepted complaint exists once, and every assignment task reaches its
 * department's queue exactly once. The one server kill also serves two witnesses: a task known to
 * be waiting in the outbox when the server died, and a case whose whole escalation ladder fell due
 * while it was down.
 */
class StreamCrashIT extends SystemTest {

  private static final int STREAM = 1_000;

  private static final String[] LADDER_QUEUES = {
    "complaints.escalations.owner",
    "complaints.escalations.supervisor",
    "complaints.escalations.department-head",
    "complaints.escalations.head-office"
  };

  /** R-S1: a channel system's token, as the bank's identity provider would issue it. */
  private static final String CHANNEL_TOKEN = Tokens.channel("MOBILE_APP");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  @DisplayName(
      "R-I6 R-F1 R-P1 kill -9 of the server mid-stream of 1,000 complaints, with the broker away:"
          + " each complaint exists once, each task reaches its queue exactly once, a task waiting"
          + " in the outbox is published once, and alerts that fell due meanwhile are raised once")
  void serverKilledMidStream() throws Exception {
    String due = submit(aComplaint().about("due while the server is down"));
    String[] pending = new String[1];
    stream(
        "server",
        () -> {
          Broker.stop(); // the next task stays in the outbox when the server dies
          pending[0] = submit(aComplaint().from("BRANCH_COUNTER").about("server crash"));
          Runtime.run("domain-kill");
          // While the server is down, the case's contact deadline and its whole ladder (the top
          // rung is a day after the breach) fall due: the data says so, no waiting.
          EscalationIT.overdue(due);
          Broker.start();
          Runtime.run("domain-start", "wait-ready");
        });

    assertNotNull(
        Broker.receive("complaints.tasks.CSC", pending[0], "ASSIGNMENT", 30_000),
        "the task waiting in the outbox is published after the restart");
    assertNull(
        Broker.receive("complaints.tasks.CSC", pending[0], "ASSIGNMENT", 2_000), "and only once");
    assertEquals(
        1, Database.count("select count(*) from complaint where complaint_number = ?", pending[0]));

    assertNotNull(Broker.receive(LADDER_QUEUES[0], due, "WARNING", 30_000), "the warning");
    for (String queue : LADDER_QUEUES) {
      assertNotNull(Broker.receive(queue, due, "ESCALATION", 30_000), "an alert on " + queue);
    }
    // Sent in the same relay passes as the originals, a duplicate would be there by now: the 2 s
    // waited above for the outbox task's second copy cover these too.
    assertNull(Broker.receive(LADDER_QUEUES[0], due, "WARNING", 200), "one warning");
    for (String queue : LADDER_QUEUES) {
      assertNull(Broker.receive(queue, due, "ESCALATION", 200), "nothing more on " + queue);
    }
    assertEquals(
        5,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind like 'SLA_%'",
            due),
        "warning + four rungs in the timeline, once each");
  }

  @Test
  @DisplayName(
      "R-I6 R-F1 kill -9 of the broker mid-stream of 1,000 complaints: each exists once, each task reaches its queue exactly once")
  void brokerKilledMidStream() throws Exception {
    stream("broker", () -> Runtime.run("broker-kill", "broker-up"));

    // The results listener is back on its queue too: a result that can never apply is taken off
    // and dead-lettered with its reason, as before the crash.
    String marker = "after-broker-crash-" + Customers.RUN + "-" + System.nanoTime();
    Broker.sendAsDepartment("CSC", "complaints.results", "not a result " + marker);
    assertTrue(
        TaskResultsIT.deadLetter(marker).isPresent(),
        "a department's result sent after the broker's restart is taken off the queue");
  }

  private static String submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson("/api/v1/complaints", complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created).getString("number");
  }

  private void stream(String victim, Runnable crash) throws Exception {
    String run = victim + "-" + Customers.RUN;
    Map<String, String> numbers = new ConcurrentHashMap<>(); // key → complaint number
    AtomicInteger accepted = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<?>> submissions = new ArrayList<>();
    try {
      for (int i = 0; i < STREAM; i++) {
        String key = run + "-" + i;
        String body =
            aComplaint()
                .withCustomer("客户" + i, Customers.mobile())
                .about("年费重复扣收 " + run + " #" + i)
                .json();
        submissions.add(
            clients.submit(
                () -> {
                  numbers.put(key, submitUntilAnswered(key, body));
                  accepted.incrementAndGet();
                }));
      }
      while (accepted.get() < STREAM / 3) {
        Thread.sleep(50);
      }
      crash.run(); // mid-stream
      for (Future<?> submission : submissions) {
        submission.get();
      }
    } finally {
      clients.shutdownNow();
    }

    assertEquals(STREAM, numbers.size());
    Set<String> distinct = Set.copyOf(numbers.values());
    assertEquals(STREAM, distinct.size(), "one complaint per submission, retries included");
    assertEquals(
        STREAM,
        Database.count("select count(*) from complaint where subject like ?", "%" + run + " #%"),
        "each accepted complaint exists exactly once");

    Map<String, Integer> tasks = drainAssignments(distinct, Duration.ofSeconds(120));
    List<String> missing = distinct.stream().filter(n -> !tasks.containsKey(n)).toList();
    List<String> twice =
        tasks.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    assertEquals(List.of(), missing, missing.size() + " tasks never reached complaints.tasks.CSC");
    assertEquals(List.of(), twice, twice.size() + " tasks reached the queue more than once");
  }

  /** A channel system's client: the same key until the server answers 201. */
  private static String submitUntilAnswered(String key, String body) {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(giveUp)) {
      try {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(Runtime.BASE_URL + "/api/v1/complaints"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .header("Authorization", "Bearer " + CHANNEL_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
          return Api.json(response.body()).getString("number");
        }
        assertTrue(
            response.statusCode() >= 500 || response.statusCode() == 404,
            "only an unavailable server is retried: " + response.statusCode() + response.body());
      } catch (java.io.IOException e) {
        // the server is down: retry
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no answer for " + key + " within 4 minutes");
  }

  /**
   * Takes the stream's own messages off the CSC queue (selected by their complaint numbers, so that
   * other tests' messages stay for them and for the leak check) until every complaint's assignment
   * arrived and 3 s pass without another, counting assignments per complaint.
   */
  private static Map<String, Integer> drainAssignments(Set<String> numbers, Duration within)
      throws Exception {
    Map<String, Integer> seen = new HashMap<>();
    Instant deadline = Instant.now().plus(within);
    List<String> all = List.copyOf(numbers);
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory("tcp://127.0.0.1:61616", "complaints", "complaints");
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
            session.createConsumer(
                session.createQueue("complaints.tasks.CSC"), "complaintNumber IN (" + in + ")"));
      }
      Instant quietSince = Instant.now();
      while (Instant.now().isBefore(deadline)) {
        boolean any = false;
        for (MessageConsumer consumer : consumers) {
          for (Message message = consumer.receive(100);
              message != null;
              message = consumer.receiveNoWait()) {
            any = true;
            if ("ASSIGNMENT"
                .equals(
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

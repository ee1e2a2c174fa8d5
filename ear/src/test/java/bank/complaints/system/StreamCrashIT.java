package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * department's queue exactly once.
 */
class StreamCrashIT extends SystemTest {

  private static final int STREAM = 1_000;

  /** R-S1: a channel system's token, as the bank's identity provider would issue it. */
  private static final String CHANNEL_TOKEN = Tokens.channel("MOBILE_APP");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  @DisplayName(
      "R-P4 kill -9 of the server mid-stream of 1,000 complaints: each exists once, each task reaches its queue exactly once")
  void serverKilledMidStream() throws Exception {
    stream("server", () -> Runtime.run("domain-kill", "domain-start", "wait-ready"));
  }

  @Test
  @DisplayName(
      "R-P4 kill -9 of the broker mid-stream of 1,000 complaints: each exists once, each task reaches its queue exactly once")
  void brokerKilledMidStream() throws Exception {
    stream("broker", () -> Runtime.run("broker-kill", "broker-up"));
  }

  private void stream(String victim, Runnable crash) throws Exception {
    String run = victim + "-" + System.currentTimeMillis();
    Map<String, String> numbers = new ConcurrentHashMap<>(); // key → complaint number
    AtomicInteger accepted = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<?>> submissions = new ArrayList<>();
    try {
      for (int i = 0; i < STREAM; i++) {
        String key = run + "-" + i;
        String body =
            aComplaint()
                .withCustomer("客户" + i, "139" + String.format("%08d", i))
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
   * Reads the CSC queue until every complaint's assignment arrived and 5 s pass without another,
   * counting assignments per complaint (messages of other tests are left out of the count).
   */
  private static Map<String, Integer> drainAssignments(Set<String> numbers, Duration within)
      throws Exception {
    Map<String, Integer> seen = new HashMap<>();
    Instant deadline = Instant.now().plus(within);
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory("tcp://127.0.0.1:61616", "complaints", "complaints");
        Connection connection = factory.createConnection()) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer consumer =
          session.createConsumer(session.createQueue("complaints.tasks.CSC"));
      while (Instant.now().isBefore(deadline)) {
        Message message = consumer.receive(seen.size() >= numbers.size() ? 5_000 : 30_000);
        if (message == null) {
          if (seen.keySet().containsAll(numbers)) {
            break;
          }
          continue;
        }
        String number = message.getStringProperty("complaintNumber");
        if (numbers.contains(number)
            && "ASSIGNMENT"
                .equals(
                    Api.json(((jakarta.jms.TextMessage) message).getText()).getString("kind"))) {
          seen.merge(number, 1, Integer::sum);
        }
      }
    }
    return seen;
  }
}

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back, as it does in a bank when its server restarts or fails
 * over: intake says 503 with Retry-After at once, readiness says DOWN, the channels' retries land
 * once it is back, and the departments' results sent meanwhile are applied, not dead-lettered.
 */
class DatabaseOutageIT extends SystemTest {

  private static final int STREAM = 200;
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  @Test
  @DisplayName(
      "R-I6 R-F7 database stopped mid-stream of 200 submissions: 503 with Retry-After within 5 s, readiness DOWN; afterwards every submission stored once and every result sent meanwhile applied, none dead-lettered")
  void databaseOutage() throws Exception {
    Assumptions.assumeTrue(
        "postgresql".equals(Runtime.database()),
        "the embedded H2 runs inside the server: it has no outage of its own");
    BrokerOutageIT.awaitReadiness(status -> status == 200, Duration.ofSeconds(60));
    String run = "db-" + UUID.randomUUID().toString().substring(0, 8);

    // Cases whose execution task a department will report on while the database is away.
    List<String> executing = new ArrayList<>();
    List<String> taskIds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String number = TaskResultsIT.submit();
      executing.add(number);
      taskIds.add(TaskResultsIT.executing(number));
    }

    RetryingChannel channel = new RetryingChannel();
    Map<String, String> numbers = new ConcurrentHashMap<>();
    AtomicInteger accepted = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<?>> submissions = new ArrayList<>();
    Instant stopped;
    Instant restarting;
    try {
      for (int i = 0; i < STREAM; i++) {
        String key = run + "-" + i;
        String body = aComplaint().about("年费重复扣收 " + run + " #" + i).json();
        submissions.add(
            clients.submit(
                () -> {
                  numbers.put(key, channel.submitUntilAnswered(key, body, Duration.ofMinutes(3)));
                  accepted.incrementAndGet();
                }));
      }
      while (accepted.get() < STREAM / 4) {
        Thread.sleep(20);
      }
      Runtime.run("db-stop");
      stopped = Instant.now();
      try {
        for (int i = 0; i < taskIds.size(); i++) {
          Broker.sendAsDepartment(
              "CSC", "complaints.results", TaskResultsIT.result(taskIds.get(i), "已退费 " + run));
        }
        HttpResponse<String> ready =
            BrokerOutageIT.awaitReadiness(status -> status == 503, Duration.ofSeconds(15));
        assertEquals("DOWN", check(Api.json(ready), "database"), ready.body());
        assertEquals(200, Api.get("/health/live").statusCode(), "liveness stays UP");
        Thread.sleep(
            Math.max(0, OUTAGE.minus(Duration.between(stopped, Instant.now())).toMillis()));
      } finally {
        restarting = Instant.now();
        Runtime.run("db-start");
      }
      for (Future<?> submission : submissions) {
        submission.get();
      }
    } finally {
      clients.shutdownNow();
    }
    BrokerOutageIT.awaitReadiness(status -> status == 200, Duration.ofSeconds(60));

    // While the database was away: refused quickly, told when to retry, never a bare 500.
    List<RetryingChannel.Answer> answers = channel.answers();
    List<RetryingChannel.Answer> during =
        answers.stream()
            .filter(
                a ->
                    a.at().minus(a.took()).isAfter(stopped.plusSeconds(1))
                        && a.at().isBefore(restarting))
            .toList();
    assertTrue(!during.isEmpty(), "submissions were answered during the outage");
    for (RetryingChannel.Answer a : during) {
      assertEquals(503, a.status(), "while the database is away: " + a);
      assertTrue(a.took().compareTo(Duration.ofSeconds(5)) <= 0, "answered within 5 s: " + a);
      assertTrue(a.retryAfter().isPresent(), "with Retry-After: " + a);
    }
    assertTrue(answers.stream().noneMatch(a -> a.status() == 500), "never a bare 500: " + answers);
    Instant firstAccepted =
        answers.stream()
            .filter(a -> a.at().isAfter(restarting) && (a.status() == 201 || a.status() == 200))
            .map(RetryingChannel.Answer::at)
            .min(Instant::compareTo)
            .orElseThrow();
    System.out.printf(
        "[database outage] %d answers while down (all 503, slowest %d ms); first 201 %d ms after"
            + " the database's start was ordered%n",
        during.size(),
        during.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0),
        Duration.between(restarting, firstAccepted).toMillis());

    // Each submission stored once, under one number.
    assertEquals(STREAM, numbers.size());
    assertEquals(STREAM, Set.copyOf(numbers.values()).size(), "one complaint per submission");
    assertEquals(
        STREAM,
        Database.count("select count(*) from complaint where subject like ?", "%" + run + " #%"));

    // The results sent while the database was away are applied once it is back.
    for (String number : executing) {
      assertEquals("FOLLOW_UP", awaitStatus(number, "FOLLOW_UP", Duration.ofSeconds(90)), number);
    }
    assertTrue(TaskResultsIT.deadLetterNow("已退费 " + run).isEmpty(), "no result was dead-lettered");
  }

  private static String check(JsonObject health, String name) {
    return health.getJsonArray("checks").stream()
        .map(c -> c.asJsonObject())
        .filter(c -> c.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getString("status");
  }

  private static String awaitStatus(String number, String wanted, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    String status;
    do {
      status = Api.json(Api.get("/api/v1/complaints/" + number)).getString("status");
      if (status.equals(wanted)) {
        return status;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    return status;
  }
}

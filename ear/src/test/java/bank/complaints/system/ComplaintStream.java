package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stream of complaints from eight channel clients ({@link RetryingChannel}: each submission
 * retried with its Idempotency-Key until answered), with something done to the system a third of
 * the way in (a kill -9, a restart). Checks what a crash must not break: every submission is one
 * stored complaint with its own number, and its assignment task reaches the CSC queue exactly once.
 */
final class ComplaintStream {

  private final String run;
  private final int size;
  private final RetryingChannel channel = new RetryingChannel();

  /** {@code run} names the stream in subjects and keys; it must be unique to the test run. */
  ComplaintStream(String run, int size) {
    this.run = run;
    this.size = size;
  }

  /**
   * Submits the stream, runs {@code midStream} once a third is accepted (the clients go on
   * meanwhile), and returns the distinct complaint numbers after checking there is one per
   * submission, stored once.
   */
  Set<String> submit(Runnable midStream) throws Exception {
    Map<String, String> numbers = new ConcurrentHashMap<>(); // key → complaint number
    AtomicInteger accepted = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<?>> submissions = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        String key = run + "-" + i;
        String body =
            aComplaint()
                .withCustomer("客户" + i, Customers.mobile())
                .about("年费重复扣收 " + run + " #" + i)
                .json();
        submissions.add(
            clients.submit(
                () -> {
                  numbers.put(key, channel.submitUntilAnswered(key, body, Duration.ofMinutes(4)));
                  accepted.incrementAndGet();
                }));
      }
      while (accepted.get() < size / 3) {
        Thread.sleep(50);
      }
      midStream.run();
      for (Future<?> submission : submissions) {
        submission.get();
      }
    } finally {
      clients.shutdownNow();
    }

    assertEquals(size, numbers.size());
    Set<String> distinct = Set.copyOf(numbers.values());
    assertEquals(size, distinct.size(), "one complaint per submission, retries included");
    assertEquals(
        size,
        Database.count("select count(*) from complaint where subject like ?", "%" + run + " #%"),
        "each accepted complaint exists exactly once");
    return distinct;
  }

  /** Every answer the clients got, retries included (status 0: no answer at all). */
  List<RetryingChannel.Answer> answers() {
    return channel.answers();
  }

  /**
   * Takes the stream's assignment tasks off the CSC queue as the department's plain JMS client at
   * {@code brokerUrl}, and checks that each arrived exactly once.
   */
  static void assertEachTaskOnce(String brokerUrl, Set<String> numbers) throws Exception {
    Map<String, Integer> tasks =
        Broker.drainAssignments(brokerUrl, numbers, Duration.ofSeconds(120));
    List<String> missing = numbers.stream().filter(n -> !tasks.containsKey(n)).toList();
    List<String> twice =
        tasks.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    assertEquals(List.of(), missing, missing.size() + " tasks never reached complaints.tasks.CSC");
    assertEquals(
        List.of(),
        twice,
        twice.size()
            + " tasks reached the queue more than once"
            + (twice.isEmpty() ? "" : " (" + outboxRows(twice.get(0)) + ")"));
  }

  /**
   * Whether a task that arrived twice was written twice (the application's fault) or sent twice
   * (the relay's or the broker's): the outbox rows of its complaint to the department's queue.
   */
  private static String outboxRows(String number) {
    return "outbox rows to complaints.tasks.CSC for "
        + number
        + ": "
        + Database.texts(
            "select id || ' created ' || created_at || ' claimed by ' || coalesce(claimed_by, '-')"
                + " || ' published ' || coalesce(cast(published_at as varchar), '-')"
                + " from outbox_message where message_key = ?"
                + " and destination = 'complaints.tasks.CSC' order by id",
            number);
  }
}

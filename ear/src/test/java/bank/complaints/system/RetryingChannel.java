package bank.complaints.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A channel system's client as a bank writes one: it submits with an Idempotency-Key and, while the
 * platform cannot serve (no answer, 5xx, 404 while the application is not deployed), retries with
 * the same key until it gets 201 or 200 (a replay). Every answer is kept, for the tests to judge.
 */
final class RetryingChannel {

  /**
   * One answer: its status, how long it took, its Retry-After header, when it came, and its
   * Content-Type (a problem from the platform, or a load balancer's own page).
   */
  record Answer(
      int status,
      Duration took,
      Optional<String> retryAfter,
      Instant at,
      Optional<String> contentType) {}

  /** R-S1: a channel system's token, as the bank's identity provider would issue it. */
  private static final String TOKEN = Tokens.channel("MOBILE_APP");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

  /** The complaint's number once the platform accepted it; fails after {@code giveUp}. */
  String submitUntilAnswered(String key, String body, Duration giveUp) {
    Instant deadline = Instant.now().plus(giveUp);
    while (Instant.now().isBefore(deadline)) {
      Instant sent = Instant.now();
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(Runtime.BASE_URL + "/api/v1/complaints"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        answers.add(
            new Answer(
                response.statusCode(),
                Duration.between(sent, Instant.now()),
                response.headers().firstValue("Retry-After"),
                Instant.now(),
                response.headers().firstValue("Content-Type")));
        if (response.statusCode() == 201 || response.statusCode() == 200) {
          return Api.json(response.body()).getString("number");
        }
        assertTrue(
            response.statusCode() >= 500 || response.statusCode() == 404,
            "only an unavailable server is retried: " + response.statusCode() + response.body());
      } catch (java.io.IOException e) {
        answers.add(
            new Answer(
                0,
                Duration.between(sent, Instant.now()),
                Optional.empty(),
                sent,
                Optional.empty()));
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
    throw new AssertionError("no answer for " + key + " within " + giveUp);
  }

  /** Every answer so far (status 0: no answer at all), in the order they came. */
  List<Answer> answers() {
    return List.copyOf(answers);
  }
}

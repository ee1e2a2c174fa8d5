package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Channel systems retry: the same Idempotency-Key never makes a second case. */
class IdempotencyIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";

  /** The complaints stored with this subject (each test's subject carries its own key). */
  private static long complaintsAbout(String subject) {
    return Database.count("select count(*) from complaint where subject = ?", subject);
  }

  private static HttpResponse<String> submit(ComplaintJson complaint, String key) {
    return Api.postJson(COMPLAINTS, complaint.json(), "Idempotency-Key", key);
  }

  @Test
  @DisplayName(
      "R-I6 a retry with the same Idempotency-Key returns the original complaint and creates nothing")
  void retryReturnsTheOriginal() throws Exception {
    String key = UUID.randomUUID().toString();
    String subject = "retried submission " + key;
    ComplaintJson complaint = aComplaint().from("WEB_FORM").about(subject);
    HttpResponse<String> first = submit(complaint, key);
    assertEquals(201, first.statusCode(), first.body());
    String number = Api.json(first).getString("number");
    assertEquals(1, complaintsAbout(subject));

    HttpResponse<String> retry = submit(complaint, key);
    assertEquals(201, retry.statusCode(), retry.body());
    assertEquals(number, Api.json(retry).getString("number"));
    assertEquals(first.headers().firstValue("Location"), retry.headers().firstValue("Location"));
    assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(1, complaintsAbout(subject), "no second case");

    assertNotNull(Broker.receive("complaints.tasks.CSC", number, "ASSIGNMENT", 30_000));
    assertNull(
        Broker.receive("complaints.tasks.CSC", number, "ASSIGNMENT", 2_000), "one task, not two");
  }

  @Test
  @DisplayName(
      "R-I6 the same Idempotency-Key with a different body is a 422; from another channel it is another key")
  void reusedKeyWithAnotherBody() {
    String key = "order-" + UUID.randomUUID();
    assertEquals(201, submit(aComplaint().from("HOTLINE").about("first"), key).statusCode());
    long cases = Database.count("select count(*) from complaint");
    HttpResponse<String> reused = submit(aComplaint().from("HOTLINE").about("second"), key);
    assertEquals(422, reused.statusCode(), reused.body());
    assertEquals("application/problem+json", reused.headers().firstValue("Content-Type").get());
    assertEquals(cases, Database.count("select count(*) from complaint"));

    HttpResponse<String> otherChannel = submit(aComplaint().from("SMS").about("first"), key);
    assertEquals(201, otherChannel.statusCode(), otherChannel.body());
    assertEquals(cases + 1, Database.count("select count(*) from complaint"));

    for (String bad : List.of("", "has space", "x".repeat(101), "a/b", "key;drop")) {
      HttpResponse<String> refused = submit(aComplaint(), bad);
      assertEquals(400, refused.statusCode(), "key '" + bad + "': " + refused.body());
    }
    assertEquals(cases + 1, Database.count("select count(*) from complaint"));
  }

  @Test
  @DisplayName(
      "R-I6 eight concurrent first tries under one Idempotency-Key make exactly one complaint")
  void concurrentFirstTries() throws Exception {
    String key = UUID.randomUUID().toString();
    String subject = "concurrent retries " + key;
    ComplaintJson complaint = aComplaint().from("PARTNER_PLATFORM").about(subject);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpResponse<String>>> tries = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tries.add(pool.submit(() -> submit(complaint, key)));
      }
      Set<String> numbers = new HashSet<>();
      for (Future<HttpResponse<String>> attempt : tries) {
        HttpResponse<String> response = attempt.get();
        assertEquals(201, response.statusCode(), response.body());
        numbers.add(Api.json(response).getString("number"));
      }
      assertEquals(1, numbers.size(), "every try answers with the same complaint: " + numbers);
      assertEquals(
          1,
          Database.count(
              "select count(*) from idempotency_key where channel = 'PARTNER_PLATFORM' and idem_key = ?",
              key));
      assertEquals(1, complaintsAbout(subject), "exactly one complaint stored for the eight tries");
    } finally {
      pool.shutdownNow();
    }
  }
}

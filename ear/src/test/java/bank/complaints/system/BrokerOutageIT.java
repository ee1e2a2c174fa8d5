package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away and comes back: readiness says so, and no accepted complaint's task is lost.
 */
class BrokerOutageIT extends SystemTest {

  @Test
  @DisplayName(
      "Without the broker readiness is DOWN and liveness UP; complaints are still accepted and their tasks published once it is back")
  void brokerOutageLosesNoTask() throws Exception {
    awaitReadiness(status -> status == 200, Duration.ofSeconds(60));
    Broker.stop();
    String number;
    try {
      HttpResponse<String> ready = awaitReadiness(status -> status == 503, Duration.ofSeconds(30));
      JsonObject health = Api.json(ready);
      assertEquals("DOWN", health.getString("status"));
      assertEquals(
          "DOWN",
          health.getJsonArray("checks").stream()
              .map(c -> c.asJsonObject())
              .filter(c -> c.getString("name").equals("broker"))
              .findFirst()
              .orElseThrow()
              .getString("status"));
      assertEquals(200, Api.get("/health/live").statusCode(), "liveness stays UP");

      HttpResponse<String> created =
          Api.postJson(
              "/api/v1/complaints",
              aComplaint().from("HOTLINE").about("broker away: 年费重复扣收").json());
      assertEquals(201, created.statusCode(), created.body());
      number = Api.json(created).getString("number");
      Thread.sleep(3_000); // at least one relay sweep fails meanwhile
      assertEquals(
          1,
          Database.count(
              "select count(*) from outbox_message where message_key = ? and published_at is null"
                  + " and destination = 'complaints.tasks.CSC'",
              number),
          "the task waits in the outbox (beside the customer's acceptance notice): "
              + Database.texts(
                  "select destination || ' ' || coalesce(cast(published_at as varchar(40)),"
                      + " 'pending') from outbox_message where message_key = ?",
                  number));
    } finally {
      Broker.start();
    }

    awaitReadiness(status -> status == 200, Duration.ofSeconds(60));
    assertNotNull(
        Broker.receive("complaints.tasks.CSC", number, "ASSIGNMENT", 30_000),
        "published after the broker came back");
    assertNull(
        Broker.receive("complaints.tasks.CSC", number, "ASSIGNMENT", 2_000), "and only once");
    assertEquals(
        0,
        Database.count(
            "select count(*) from outbox_message where message_key = ? and published_at is null",
            number));
  }

  static HttpResponse<String> awaitReadiness(IntPredicate wanted, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    HttpResponse<String> response;
    do {
      response = Api.get("/health/ready");
      if (wanted.test(response.statusCode())) {
        return response;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(
        "readiness did not change in "
            + within
            + ": "
            + response.statusCode()
            + " "
            + response.body());
  }
}

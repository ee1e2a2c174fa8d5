package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx problem and stores nothing. */
class BadInputIT extends SystemTest {

  record Case(String name, String contentType, String body, int status, String invalidField) {}

  @Test
  @DisplayName(
      "Malformed and invalid submissions are 4xx problem+json with field detail, and store nothing")
  void badSubmissionsAreRejected() {
    long before = Database.count("select count(*) from complaint");
    Stream.of(
            new Case(
                "missing channel",
                "application/json",
                aComplaint().from(null).json(),
                400,
                "channel"),
            new Case(
                "unknown channel",
                "application/json",
                aComplaint().from("CARRIER_PIGEON").json(),
                400,
                null),
            new Case(
                "mobile not a mobile",
                "application/json",
                aComplaint().withCustomer("张三", "12345").json(),
                400,
                "customer.mobile"),
            new Case(
                "blank name",
                "application/json",
                aComplaint().withCustomer(" ", "13812345678").json(),
                400,
                "customer.name"),
            new Case(
                "subject too long",
                "application/json",
                aComplaint().about("长".repeat(201)).json(),
                400,
                "subject"),
            new Case(
                "no customer",
                "application/json",
                "{\"channel\":\"SMS\",\"subject\":\"s\",\"description\":\"d\"}",
                400,
                "customer"),
            new Case("malformed JSON", "application/json", "{\"channel\": \"SMS\",", 400, null),
            new Case("JSON array", "application/json", "[1,2]", 400, null),
            new Case("empty body", "application/json", "", 400, null),
            new Case("wrong type", "application/json", "{\"channel\": 42}", 400, null),
            new Case("not JSON", "text/plain", aComplaint().json(), 415, null),
            new Case("no content type", null, aComplaint().json(), 415, null))
        .forEach(this::assertRejected);
    assertEquals(before, Database.count("select count(*) from complaint"), "nothing stored");
  }

  private void assertRejected(Case c) {
    HttpResponse<String> response = Api.post("/api/v1/complaints", c.contentType(), c.body());
    assertEquals(c.status(), response.statusCode(), c.name() + ": " + response.body());
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse(""),
        c.name());
    JsonObject problem = Api.json(response);
    assertEquals(c.status(), problem.getInt("status"), c.name());
    assertTrue(problem.getString("instance").startsWith("urn:uuid:"), c.name());
    if (c.invalidField() != null) {
      assertTrue(
          problem.getJsonArray("errors").stream()
              .map(e -> e.asJsonObject().getString("field"))
              .anyMatch(c.invalidField()::equals),
          c.name() + " names the field: " + response.body());
    }
  }
}

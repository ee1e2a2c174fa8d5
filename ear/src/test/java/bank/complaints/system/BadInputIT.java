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

  @Test
  @DisplayName(
      "Text a database cannot keep or that is not text, bytes that are not UTF-8, anything after"
          + " the JSON value and another declared charset: each a 4xx problem, nothing stored")
  void bodiesThatAreNotCleanJsonTextAreRefused() {
    String marker = "clean text " + java.util.UUID.randomUUID();
    String valid = aComplaint().about(marker).json();
    java.util.Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
    bodies.put("U+0000 in a text", utf8(valid.replace(marker, marker + "\\u0000x")));
    bodies.put("a lone high surrogate", utf8(valid.replace(marker, marker + "\\ud800x")));
    bodies.put("a lone low surrogate", utf8(valid.replace(marker, marker + "\\udc00x")));
    bodies.put("a NUL in a field name", utf8(valid.replace("{\"", "{\"a\\u0000\":1,\"")));
    byte[] good = utf8(valid);
    int at = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(marker);
    byte[] broken = good.clone();
    broken[at] = (byte) 0xC3; // starts a two-byte sequence…
    broken[at + 1] = (byte) 0x28; // …that this byte cannot continue
    bodies.put("malformed UTF-8", broken);
    byte[] overlong = good.clone();
    overlong[at] = (byte) 0xC0; // an overlong encoding of '/'
    overlong[at + 1] = (byte) 0xAF;
    bodies.put("overlong UTF-8", overlong);
    bodies.put("garbage after the value", utf8(valid + "xyz"));
    bodies.put("a second value", utf8(valid + "{}"));
    for (var body : bodies.entrySet()) {
      HttpResponse<String> response =
          Api.postBytes("/api/v1/complaints", "application/json", body.getValue());
      assertEquals(400, response.statusCode(), body.getKey() + ": " + response.body());
      assertEquals(
          "application/problem+json",
          response.headers().firstValue("Content-Type").orElse(""),
          body.getKey());
    }
    HttpResponse<String> latin1 =
        Api.postBytes(
            "/api/v1/complaints",
            "application/json; charset=ISO-8859-1",
            valid.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertEquals(415, latin1.statusCode(), latin1.body());
    assertEquals(
        0,
        Database.count("select count(*) from complaint where subject like ?", marker + "%"),
        "nothing stored");

    HttpResponse<String> trailingBlanks =
        Api.postBytes("/api/v1/complaints", "application/json; charset=utf-8", utf8(valid + " \n"));
    assertEquals(201, trailingBlanks.statusCode(), "blanks after the value are JSON too");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
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

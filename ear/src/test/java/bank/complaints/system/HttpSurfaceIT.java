package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a channel system meets on the wire besides the bodies (issue 22). */
class HttpSurfaceIT extends SystemTest {

  @Test
  @DisplayName(
      "No answer names the server product or its version: no Server, no X-Powered-By header, on"
          + " success, on problems and outside the API")
  void noProductHeaders() {
    String number =
        Api.json(Api.postJson("/api/v1/complaints", aComplaint().json())).getString("number");
    List<HttpResponse<String>> answers =
        List.of(
            Api.get("/api/v1/complaints/" + number),
            Api.get("/api/v1/complaints/C20990101-0000000"), // 404 problem
            Api.request(
                "GET", "/api/v1/complaints", null, null, "Authorization", "Bearer x"), // 401
            Api.get("/health/ready"),
            Api.get("/openapi"),
            Api.get("/no-such-page"));
    for (HttpResponse<String> answer : answers) {
      String where = answer.request().uri() + " (" + answer.statusCode() + ")";
      assertFalse(answer.headers().firstValue("X-Powered-By").isPresent(), where);
      String server = answer.headers().firstValue("Server").orElse("");
      assertFalse(
          server.toLowerCase().matches(".*(payara|glassfish|grizzly|\\d).*"),
          where + ": Server: " + server);
    }
  }

  @Test
  @DisplayName(
      "R-P3 a complaint's progress carries an ETag: If-None-Match gets 304 without a body while"
          + " nothing changed, and a step changes the tag")
  void progressIsConditional() {
    String number =
        Api.json(Api.postJson("/api/v1/complaints", aComplaint().json())).getString("number");
    String path = "/api/v1/complaints/" + number;
    HttpResponse<String> first = Api.get(path);
    assertEquals(200, first.statusCode(), first.body());
    String tag = first.headers().firstValue("ETag").orElseThrow();
    assertTrue(tag.matches("\"[0-9a-f]{32}\""), tag);
    assertTrue(
        first.headers().firstValue("Cache-Control").orElse("").contains("private"),
        "a customer's data: never in a shared cache");

    HttpResponse<String> unchanged = Api.request("GET", path, null, null, "If-None-Match", tag);
    assertEquals(304, unchanged.statusCode());
    assertEquals("", unchanged.body());
    assertEquals(tag, unchanged.headers().firstValue("ETag").orElse(null));

    HttpResponse<String> contacted =
        Api.postJson(path + "/customer-contact", "{\"by\":\"王芳\",\"note\":\"已电话确认受理\"}");
    assertEquals(200, contacted.statusCode(), contacted.body());
    HttpResponse<String> changed = Api.request("GET", path, null, null, "If-None-Match", tag);
    assertEquals(200, changed.statusCode(), "the progress moved: the new view, not a 304");
    assertNotEquals(tag, changed.headers().firstValue("ETag").orElse(tag));
    assertEquals(Api.json(changed), Api.json(Api.get(path)), "the body is the current progress");
  }
}

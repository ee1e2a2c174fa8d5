package bank.complaints.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Trial mode, as a user sets it up through the admin API: a round-the-clock calendar with no
 * special days this year, and second-scale SLA policies. {@link #restore()} puts back what was
 * there.
 */
final class Trial {

  private final String savedWeek;
  private final int year = TestClock.today().getYear();
  private final JsonArray savedDays;
  private final List<JsonObject> savedPolicies = new ArrayList<>();

  private Trial() {
    savedWeek = ok(Api.get("/api/v1/admin/calendars/week")).body();
    savedDays = Api.json(ok(Api.get("/api/v1/admin/calendars/" + year))).getJsonArray("days");
  }

  /**
   * Saves the calendar as it is, to be put back by {@link #restore()}: keep the result before
   * changing anything, so that a failure half-way through the set-up is undone too.
   */
  static Trial saved() {
    return new Trial();
  }

  /** Sets the 24×7 calendar. */
  Trial roundTheClock() {
    ok(
        Api.putJson(
            "/api/v1/admin/calendars/week",
            "{\"workingDays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\","
                + "\"SATURDAY\",\"SUNDAY\"],\"workingHours\":[\"00:00-24:00\"]}"));
    ok(Api.putJson("/api/v1/admin/calendars/" + year, "{\"days\":[]}"));
    return this;
  }

  /**
   * Replaces one stage's policy for Green cases: {@code measure}, allowance, warning at half, an
   * optional extension limit, and the four rungs after the breach.
   */
  Trial policy(
      String stage, String measure, String allowance, String maxExtension, String... afterBreach) {
    JsonArray all = Api.jsonArray(ok(Api.get("/api/v1/admin/sla-policies")));
    for (JsonValue value : all) {
      JsonObject policy = value.asJsonObject();
      if (policy.getString("stage").equals(stage) && policy.getString("severity").equals("GREEN")) {
        savedPolicies.add(policy);
      }
    }
    String[] recipients = {
      "OWNER", "SUPERVISOR", "DEPARTMENT_HEAD", "HEAD_OFFICE_COMPLAINT_OFFICE"
    };
    var ladder = Json.createArrayBuilder();
    for (int i = 0; i < afterBreach.length; i++) {
      ladder.add(
          Json.createObjectBuilder()
              .add("recipient", recipients[i])
              .add("afterBreach", afterBreach[i]));
    }
    var body =
        Json.createObjectBuilder()
            .add("measure", measure)
            .add("allowance", allowance)
            .add("warnShare", 0.5)
            .add("ladder", ladder);
    if (maxExtension != null) {
      body.add("maxExtension", maxExtension);
    }
    ok(Api.putJson("/api/v1/admin/sla-policies/" + stage + "/GREEN", body.build().toString()));
    return this;
  }

  void restore() {
    for (JsonObject saved : savedPolicies) {
      var body =
          Json.createObjectBuilder()
              .add("measure", saved.getString("measure"))
              .add("allowance", saved.getString("allowance"))
              .add("warnShare", saved.getJsonNumber("warnShare"))
              .add("ladder", saved.getJsonArray("ladder"));
      if (saved.containsKey("maxExtension") && !saved.isNull("maxExtension")) {
        body.add("maxExtension", saved.getString("maxExtension"));
      }
      ok(
          Api.putJson(
              "/api/v1/admin/sla-policies/"
                  + saved.getString("stage")
                  + "/"
                  + saved.getString("severity"),
              body.build().toString()));
    }
    ok(Api.putJson("/api/v1/admin/calendars/week", savedWeek));
    ok(
        Api.putJson(
            "/api/v1/admin/calendars/" + year,
            Json.createObjectBuilder().add("days", savedDays).build().toString()));
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return response;
  }
}

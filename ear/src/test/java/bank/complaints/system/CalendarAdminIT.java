package bank.complaints.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-CAL: the business calendar is data an administrator reads and replaces, and deadlines follow
 * it.
 */
class CalendarAdminIT extends SystemTest {

  private static final String CALENDARS = "/api/v1/admin/calendars/";

  @Test
  @DisplayName(
      "R-CAL the product ships 2026's mainland holidays and make-up days, and deadlines skip the Spring Festival")
  void ships2026() {
    JsonObject year = Api.json(Api.get(CALENDARS + "2026"));
    assertEquals("Asia/Shanghai", year.getString("zone"));
    assertEquals(39, year.getJsonArray("days").size());
    assertEquals(
        6,
        year.getJsonArray("days").stream()
            .filter(d -> d.asJsonObject().getString("kind").equals("WORKDAY"))
            .count());
    assertEquals(
        33L,
        Database.count(
            "select count(*) from business_calendar_day where kind = 'HOLIDAY' and calendar_date < '2027-01-01'"));

    JsonObject deadline =
        Api.json(Api.get(CALENDARS + "deadline?from=2026-02-13T16:00:00%2B08:00&workingDays=2"));
    assertEquals("2026-02-24T16:00:00+08:00", deadline.getString("due"));
  }

  @Test
  @DisplayName(
      "R-CAL the product ships 2027's statutory holidays (13 days) until the State Council's arrangement is loaded")
  void ships2027Statutory() {
    JsonObject year = Api.json(Api.get(CALENDARS + "2027"));
    assertEquals(13, year.getJsonArray("days").size());
    JsonObject deadline =
        Api.json(Api.get(CALENDARS + "deadline?from=2027-02-04T16:00:00%2B08:00&workingHours=2"));
    assertEquals(
        "2027-02-09T10:00:00+08:00",
        deadline.getString("due"),
        "Thursday 16:00 + 2 working hours skips the Spring Festival eve and the weekend holidays");
  }

  @Test
  @DisplayName(
      "R-CAL replacing a year's days changes the deadlines computed on it, and leaves other years alone")
  void replaceAYear() {
    String before =
        Api.get(CALENDARS + "deadline?from=2029-12-31T16:00:00%2B08:00&workingHours=2").body();
    assertEquals(
        "2030-01-01T10:00:00+08:00",
        Api.json(before).getString("due"),
        "Jan 1 2030 is an ordinary Tuesday until declared");

    HttpResponse<String> replaced =
        Api.putJson(
            CALENDARS + "2030",
            """
        {"days":[{"date":"2030-01-01","kind":"HOLIDAY","name":"元旦 New Year"},
                 {"date":"2030-01-05","kind":"WORKDAY","name":"元旦调休"}]}""");
    assertEquals(200, replaced.statusCode(), replaced.body());
    assertEquals(2, Api.json(replaced).getJsonArray("days").size());
    assertEquals(
        "2030-01-02T10:00:00+08:00",
        Api.json(Api.get(CALENDARS + "deadline?from=2029-12-31T16:00:00%2B08:00&workingHours=2"))
            .getString("due"));
    assertEquals(
        "2030-01-05T10:00:00+08:00",
        Api.json(Api.get(CALENDARS + "deadline?from=2030-01-04T17:00:00%2B08:00&workingHours=1"))
            .getString("due"),
        "the make-up Saturday is worked");

    Api.putJson(CALENDARS + "2030", "{\"days\":[]}");
    assertEquals(0, Api.json(Api.get(CALENDARS + "2030")).getJsonArray("days").size());
    assertEquals(
        39, Api.json(Api.get(CALENDARS + "2026")).getJsonArray("days").size(), "2026 untouched");
  }

  @Test
  @DisplayName("Bad calendar input is a 4xx problem and changes nothing")
  void badInput() {
    long days = Database.count("select count(*) from business_calendar_day");
    assertProblem(400, Api.get(CALENDARS + "twenty"));
    assertProblem(400, Api.get(CALENDARS + "1999"));
    assertProblem(400, Api.get(CALENDARS + "deadline?from=yesterday&workingDays=1"));
    assertProblem(400, Api.get(CALENDARS + "deadline?from=2026-01-01T10:00:00%2B08:00"));
    assertProblem(
        400, Api.get(CALENDARS + "deadline?from=2026-01-01T10:00:00%2B08:00&workingDays=-1"));
    assertProblem(
        422,
        Api.putJson(
            CALENDARS + "2031",
            "{\"days\":[{\"date\":\"2032-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"x\"}]}"));
    assertProblem(
        422,
        Api.putJson(
            CALENDARS + "2031",
            "{\"days\":[{\"date\":\"2031-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"x\"},"
                + "{\"date\":\"2031-01-01\",\"kind\":\"WORKDAY\",\"name\":\"y\"}]}"));
    assertProblem(
        400,
        Api.putJson(
            CALENDARS + "2031",
            "{\"days\":[{\"date\":\"2031-01-01\",\"kind\":\"FESTIVAL\",\"name\":\"x\"}]}"));
    assertProblem(
        400,
        Api.putJson(
            CALENDARS + "2031",
            "{\"days\":[{\"date\":\"2031-02-30\",\"kind\":\"HOLIDAY\",\"name\":\"x\"}]}"));
    assertProblem(
        400,
        Api.putJson(
            CALENDARS + "2031", "{\"days\":[{\"date\":\"2031-01-01\",\"kind\":\"HOLIDAY\"}]}"));
    assertProblem(400, Api.putJson(CALENDARS + "2031", "{}"));
    assertEquals(
        days, Database.count("select count(*) from business_calendar_day"), "nothing changed");
  }

  private static void assertProblem(int status, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
  }
}

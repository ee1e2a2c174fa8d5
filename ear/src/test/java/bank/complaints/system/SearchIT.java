package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-P3: staff find complaints by what they know, a page at a time. */
class SearchIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";

  @Test
  @DisplayName(
      "R-P3 staff search by customer, channel, status and received day, paginated newest first, personal data masked")
  void searchAndPages() {
    String mobile = Customers.mobile();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> created =
          Api.postJson(
              COMPLAINTS,
              aComplaint()
                  .from("PARTNER_AGENT")
                  .withCustomer("李四", mobile)
                  .about("第" + i + "次")
                  .json());
      assertEquals(201, created.statusCode(), created.body());
      numbers.add(Api.json(created).getString("number"));
    }
    // The days the complaints were received on, so that a run across midnight still matches.
    String firstDay = receivedDay(numbers.get(0));
    String lastDay = receivedDay(numbers.get(2));
    String byCustomer = COMPLAINTS + "?customerMobile=" + mobile;

    JsonObject first = Api.json(Api.get(byCustomer + "&size=2"));
    assertEquals(3, first.getInt("total"));
    assertTrue(first.getBoolean("totalExact"), "three matches are within the window: all counted");
    assertEquals(2, first.getJsonArray("items").size());
    assertEquals(List.of(numbers.get(2), numbers.get(1)), numbersOf(first), "newest first");
    JsonObject second = Api.json(Api.get(byCustomer + "&size=2&page=1"));
    assertEquals(List.of(numbers.get(0)), numbersOf(second));
    JsonObject item = first.getJsonArray("items").getJsonObject(0);
    assertEquals(
        mobile.substring(0, 3) + "****" + mobile.substring(7),
        item.getJsonObject("customer").getString("mobile"),
        "R-S2 masked in search results");
    assertTrue(!first.toString().contains(mobile), "the full mobile appears nowhere");

    assertEquals(
        3,
        Api.json(
                Api.get(
                    byCustomer
                        + "&channel=PARTNER_AGENT&status=ASSIGNED&severity=GREEN&category=FEES&department=CSC"
                        + "&receivedFrom="
                        + firstDay
                        + "&receivedTo="
                        + lastDay))
            .getInt("total"));
    assertEquals(0, Api.json(Api.get(byCustomer + "&channel=LETTER")).getInt("total"));
    assertEquals(0, Api.json(Api.get(byCustomer + "&receivedTo=2020-01-01")).getInt("total"));
  }

  @Test
  @DisplayName(
      "R-P3 a search reaches its first 10,000 matches: the last page inside them is answered, one beyond is a 422 problem")
  void pagesLieWithinTheSearchWindow() {
    String byCustomer = COMPLAINTS + "?customerMobile=" + Customers.mobile();
    JsonObject last = Api.json(Api.get(byCustomer + "&page=499&size=20"));
    assertEquals(0, last.getJsonArray("items").size());
    assertEquals(0, last.getInt("total"));
    assertTrue(last.getBoolean("totalExact"));
    for (String beyond : List.of("&page=500&size=20", "&page=100&size=100", "&page=100000")) {
      HttpResponse<String> refused = Api.get(byCustomer + beyond);
      assertEquals(422, refused.statusCode(), beyond + ": " + refused.body());
      assertEquals(
          "application/problem+json",
          refused.headers().firstValue("Content-Type").orElse(""),
          beyond);
      assertTrue(refused.body().contains("first 10000 matches"), refused.body());
    }
  }

  private static String receivedDay(String number) {
    return OffsetDateTime.parse(
            Api.json(Api.get(COMPLAINTS + "/" + number)).getString("receivedAt"))
        .toLocalDate()
        .toString();
  }

  @Test
  @DisplayName("R-P3 an unknown filter value, a bad date or an impossible page is a 400 problem")
  void badCriteria() {
    for (String query :
        List.of(
            "status=LOST",
            "severity=PURPLE",
            "channel=FAX",
            "category=WEATHER",
            "department=not%20a%20code",
            "receivedFrom=23.11.2026",
            "receivedTo=2026-13-01",
            "page=-1",
            "size=0",
            "size=101",
            "page=abc")) {
      HttpResponse<String> response = Api.get(COMPLAINTS + "?" + query);
      assertEquals(400, response.statusCode(), query + ": " + response.body());
      assertEquals(
          "application/problem+json",
          response.headers().firstValue("Content-Type").orElse(""),
          query);
    }
  }

  private static List<String> numbersOf(JsonObject page) {
    return page.getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .map(c -> c.getString("number"))
        .toList();
  }
}

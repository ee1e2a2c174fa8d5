package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A generated suite of malformed and invalid requests across the API: each must be a 4xx
 * problem+json, none a 5xx, and none may change stored data.
 */
class BadInputSuiteIT extends SystemTest {

  /** One bad request. */
  record Bad(String name, String method, String path, String contentType, String body) {}

  private static final String COMPLAINTS = "/api/v1/complaints";
  private static final String JSON = "application/json";

  /** Values that are wrong for every field of a submission, whatever its type. */
  private static final Map<String, JsonValue> WRONG_TYPES =
      Map.of(
          "number",
          Json.createValue(42),
          "decimal",
          Json.createValue(4.2),
          "boolean",
          JsonValue.TRUE,
          "array",
          Json.createArrayBuilder().add("x").build(),
          "object",
          Json.createObjectBuilder().add("x", 1).build());

  private static JsonObject valid() {
    return Api.json(aComplaint().withEmail("zhangsan@example.com").noticeBy("EMAIL").json());
  }

  private static String with(String field, JsonValue value) {
    JsonObject base = valid();
    String[] path = field.split("\\.");
    JsonObjectBuilder root = Json.createObjectBuilder(base);
    if (path.length == 1) {
      return (value == null ? root.remove(field) : root.add(field, value)).build().toString();
    }
    JsonObjectBuilder inner = Json.createObjectBuilder(base.getJsonObject(path[0]));
    inner = value == null ? inner.remove(path[1]) : inner.add(path[1], value);
    return root.add(path[0], inner).build().toString();
  }

  private static List<Bad> submissions() {
    List<Bad> bad = new ArrayList<>();
    Map<String, List<String>> wrongText =
        new java.util.LinkedHashMap<>(
            Map.of(
                "channel", List.of("", "FAX", "mobile_app", "MOBILE APP", "渠道"),
                "subject", List.of("", "   ", "长".repeat(201), "\t\n"),
                "description", List.of("", "  ", "长".repeat(4001)),
                "customer.name", List.of("", "  ", "名".repeat(101)),
                "customer.mobile",
                    List.of(
                        "",
                        "12345",
                        "1381234567",
                        "138123456789",
                        "23812345678",
                        "1381234567a",
                        "+8613812345678",
                        "138 1234 5678"),
                "customer.email",
                    List.of("not-an-email", "a@", "@b.com", "x".repeat(250) + "@b.com"),
                "customer.noticeBy", List.of("", "FAX", "sms", "PIGEON"),
                "occurredWhere", List.of("", "   ", "地".repeat(201)),
                "occurredAt",
                    List.of(
                        "",
                        "yesterday",
                        "2026-11-20",
                        "2026-13-01T00:00:00+08:00",
                        "2999-01-01T00:00:00Z")));
    // Beyond-rule 42 the division; R-F5 the result's medium (LETTER needs an address).
    wrongText.put("region", List.of("", "ABC", "12345", "990000"));
    wrongText.put("customer.resultBy", List.of("FAX", "letter", "LETTER"));
    wrongText.forEach(
        (field, values) -> {
          for (String value : values) {
            bad.add(
                new Bad(
                    field + " = '" + abbreviate(value) + "'",
                    "POST",
                    COMPLAINTS,
                    JSON,
                    with(field, Json.createValue(value))));
          }
          WRONG_TYPES.forEach(
              (type, value) ->
                  bad.add(
                      new Bad(
                          field + " as " + type, "POST", COMPLAINTS, JSON, with(field, value))));
        });
    for (String required :
        List.of(
            "channel", "subject", "description", "customer", "customer.name", "customer.mobile")) {
      bad.add(new Bad("no " + required, "POST", COMPLAINTS, JSON, with(required, null)));
      bad.add(
          new Bad(required + " null", "POST", COMPLAINTS, JSON, with(required, JsonValue.NULL)));
    }
    // R-I4, R-I5: the lists of staff, products and evidence.
    wrongField(bad, "staffInvolved", Json.createValue("李四"));
    wrongField(bad, "staffInvolved", Json.createArrayBuilder().add("李四").build());
    wrongField(
        bad, "staffInvolved", Json.createArrayBuilder().add(Json.createObjectBuilder()).build());
    wrongField(
        bad,
        "staffInvolved",
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("name", "李四").add("employeeId", "E 10023"))
            .build());
    wrongField(bad, "productsInvolved", Json.createArrayBuilder().add("").build());
    wrongField(bad, "productsInvolved", Json.createArrayBuilder().add(42).build());
    JsonArrayBuilder elevenProducts = Json.createArrayBuilder();
    for (int i = 0; i < 11; i++) {
      elevenProducts.add("产品" + i);
    }
    wrongField(bad, "productsInvolved", elevenProducts.build());
    wrongField(bad, "evidence", Json.createObjectBuilder().add("kind", "PHOTO").build());
    for (JsonObject item :
        List.of(
            Json.createObjectBuilder().add("kind", "SELFIE").add("description", "x").build(),
            Json.createObjectBuilder().add("description", "no kind").build(),
            Json.createObjectBuilder().add("kind", "PHOTO").build(),
            Json.createObjectBuilder()
                .add("kind", "VIDEO_LINK")
                .add("description", "x")
                .add("link", "ftp://pan.example.com/v")
                .build(),
            Json.createObjectBuilder()
                .add("kind", "VIDEO_LINK")
                .add("description", "x")
                .add("link", "not a link")
                .build(),
            Json.createObjectBuilder()
                .add("kind", "VIDEO_LINK")
                .add("description", "x")
                .add("link", "/relative/path")
                .build(),
            Json.createObjectBuilder()
                .add("source", "NEIGHBOUR")
                .add("kind", "PHOTO")
                .add("description", "x")
                .build())) {
      bad.add(
          new Bad(
              "evidence " + item,
              "POST",
              COMPLAINTS,
              JSON,
              with("evidence", Json.createArrayBuilder().add(item).build())));
    }
    bad.add(
        new Bad(
            "EMAIL notices without an address",
            "POST",
            COMPLAINTS,
            JSON,
            with("customer.email", null)));
    String whole = valid().toString();
    for (int cut = 1; cut < whole.length(); cut += Math.max(1, whole.length() / 45)) {
      bad.add(new Bad("cut at " + cut, "POST", COMPLAINTS, JSON, whole.substring(0, cut)));
    }
    for (String body :
        List.of(
            "",
            " ",
            "null",
            "42",
            "\"text\"",
            "[]",
            "[{}]",
            "{}",
            "{\"channel\":\"SMS\"}{}",
            "{'channel':'SMS'}",
            "{\"channel\":\"SMS\",}",
            "\uFEFF{}",
            "{\"customer\":\"张三\"}")) {
      bad.add(new Bad("body " + abbreviate(body), "POST", COMPLAINTS, JSON, body));
    }
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "application/jsonx")) {
      bad.add(new Bad("content type " + type, "POST", COMPLAINTS, type, whole));
    }
    bad.add(new Bad("no content type", "POST", COMPLAINTS, null, whole));
    for (String method : List.of("PUT", "DELETE", "PATCH")) {
      bad.add(new Bad(method + " on the collection", method, COMPLAINTS, JSON, whole));
    }
    return bad;
  }

  private static void wrongField(List<Bad> bad, String field, JsonValue value) {
    bad.add(new Bad(field + " = " + value, "POST", COMPLAINTS, JSON, with(field, value)));
  }

  private static List<Bad> elsewhere() {
    List<Bad> bad = new ArrayList<>();
    for (String number :
        List.of("x", "C2026", "C20261323-0000001", "..%2F..", "C20261123-0000000")) {
      bad.add(new Bad("read " + number, "GET", COMPLAINTS + "/" + number, null, null));
      bad.add(
          new Bad(
              "contact " + number,
              "POST",
              COMPLAINTS + "/" + number + "/customer-contact",
              JSON,
              "{\"by\":\"王芳\"}"));
    }
    for (String query :
        List.of(
            "quarter=2026-Q5",
            "quarter=Q4",
            "from=2026-10-01",
            "from=2026-13-01&to=2026-12-31",
            "quarter=2026-Q4&from=2026-10-01&to=2026-10-02",
            "from=2026-12-31&to=2026-10-01")) {
      bad.add(
          new Bad(
              "regulator return " + query,
              "GET",
              "/api/v1/statistics/regulator-return?" + query,
              null,
              null));
    }
    // R-M3 improvement actions.
    for (String body :
        List.of(
            "{}",
            "{\"area\":\"MOOD\",\"weakness\":\"w\",\"action\":\"a\",\"owner\":\"o\",\"dueOn\":\"2027-01-31\"}",
            "{\"area\":\"PROCESS\",\"weakness\":\"w\",\"action\":\"a\",\"owner\":\"o\",\"dueOn\":\"soon\"}",
            "{\"area\":\"PROCESS\",\"weakness\":\"\",\"action\":\"a\",\"owner\":\"o\",\"dueOn\":\"2027-01-31\"}")) {
      bad.add(
          new Bad(
              "improvement action " + abbreviate(body),
              "POST",
              "/api/v1/improvement-actions",
              JSON,
              body));
    }
    bad.add(new Bad("action x", "GET", "/api/v1/improvement-actions/x", null, null));
    bad.add(new Bad("action status", "GET", "/api/v1/improvement-actions?status=LOST", null, null));
    bad.add(
        new Bad("quarter", "GET", "/api/v1/statistics/quarterly-analysis?quarter=Q4", null, null));
    for (String query :
        List.of(
            "status=LOST",
            "severity=PURPLE",
            "channel=FAX",
            "receivedFrom=2026-02-30",
            "receivedTo=tomorrow",
            "page=-1",
            "page=1e3",
            "size=0",
            "size=1000",
            "size=")) {
      bad.add(new Bad("search " + query, "GET", COMPLAINTS + "?" + query, null, null));
    }
    for (String path :
        List.of(
            "/api/v1/admin/calendars/1999",
            "/api/v1/admin/calendars/2101",
            "/api/v1/admin/calendars/abc",
            "/api/v1/admin/calendars/deadline",
            "/api/v1/admin/calendars/deadline?from=2026-01-01&workingDays=1",
            "/api/v1/admin/calendars/deadline?from=2026-01-01T10:00:00%2B08:00",
            "/api/v1/admin/calendars/deadline?from=2026-01-01T10:00:00%2B08:00&workingDays=-1",
            "/api/v1/admin/calendars/deadline?from=2026-01-01T10:00:00%2B08:00&workingHours=99999")) {
      bad.add(new Bad("calendar " + path, "GET", path, null, null));
    }
    Map<String, String> calendarBodies =
        Map.of(
            "day outside the year",
            "{\"days\":[{\"date\":\"2031-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"x\"}]}",
            "unknown kind",
            "{\"days\":[{\"date\":\"2030-01-01\",\"kind\":\"PARTY\",\"name\":\"x\"}]}",
            "bad date",
            "{\"days\":[{\"date\":\"2030-02-30\",\"kind\":\"HOLIDAY\",\"name\":\"x\"}]}",
            "day twice",
            "{\"days\":[{\"date\":\"2030-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"x\"},"
                + "{\"date\":\"2030-01-01\",\"kind\":\"WORKDAY\",\"name\":\"y\"}]}",
            "no days",
            "{}",
            "blank name",
            "{\"days\":[{\"date\":\"2030-01-01\",\"kind\":\"HOLIDAY\",\"name\":\" \"}]}");
    calendarBodies.forEach(
        (name, body) ->
            bad.add(
                new Bad("calendar " + name, "PUT", "/api/v1/admin/calendars/2030", JSON, body)));
    Map<String, String> weekBodies =
        Map.of(
            "no days", "{\"workingDays\":[],\"workingHours\":[\"09:00-17:00\"]}",
            "unknown day", "{\"workingDays\":[\"FUNDAY\"],\"workingHours\":[\"09:00-17:00\"]}",
            "backwards hours", "{\"workingDays\":[\"MONDAY\"],\"workingHours\":[\"17:00-09:00\"]}",
            "overlapping hours",
                "{\"workingDays\":[\"MONDAY\"],\"workingHours\":[\"09:00-13:00\",\"12:00-17:00\"]}",
            "25 o'clock", "{\"workingDays\":[\"MONDAY\"],\"workingHours\":[\"09:00-25:00\"]}",
            "no hours", "{\"workingDays\":[\"MONDAY\"]}");
    weekBodies.forEach(
        (name, body) ->
            bad.add(new Bad("week " + name, "PUT", "/api/v1/admin/calendars/week", JSON, body)));
    String ladder = "[{\"recipient\":\"OWNER\",\"afterBreach\":\"PT0S\"}]";
    Map<String, String> policyBodies =
        Map.of(
            "no measure", "{\"allowance\":\"P1D\",\"warnShare\":0.75,\"ladder\":" + ladder + "}",
            "bad allowance",
                "{\"measure\":\"WORKING_TIME\",\"allowance\":\"1 day\",\"warnShare\":0.75,\"ladder\":"
                    + ladder
                    + "}",
            "share of 1",
                "{\"measure\":\"WORKING_TIME\",\"allowance\":\"P1D\",\"warnShare\":1,\"ladder\":"
                    + ladder
                    + "}",
            "share of 0",
                "{\"measure\":\"WORKING_TIME\",\"allowance\":\"P1D\",\"warnShare\":0,\"ladder\":"
                    + ladder
                    + "}",
            "empty ladder",
                "{\"measure\":\"WORKING_TIME\",\"allowance\":\"P1D\",\"warnShare\":0.75,\"ladder\":[]}",
            "unknown recipient",
                "{\"measure\":\"WORKING_TIME\",\"allowance\":\"P1D\",\"warnShare\":0.75,\"ladder\":"
                    + "[{\"recipient\":\"CEO\",\"afterBreach\":\"PT0S\"}]}",
            "unknown measure",
                "{\"measure\":\"MOON_TIME\",\"allowance\":\"P1D\",\"warnShare\":0.75,\"ladder\":"
                    + ladder
                    + "}");
    policyBodies.forEach(
        (name, body) ->
            bad.add(
                new Bad(
                    "policy " + name,
                    "PUT",
                    "/api/v1/admin/sla-policies/INVESTIGATION/GREEN",
                    JSON,
                    body)));
    bad.add(
        new Bad(
            "policy of an unknown stage",
            "PUT",
            "/api/v1/admin/sla-policies/LUNCH/GREEN",
            JSON,
            "{\"measure\":\"WORKING_TIME\",\"allowance\":\"P1D\",\"warnShare\":0.75,\"ladder\":"
                + ladder
                + "}"));
    return bad;
  }

  /** Bad bodies for the steps on an existing case. */
  private static List<Bad> onACase(String number) {
    String base = COMPLAINTS + "/" + number;
    List<Bad> bad = new ArrayList<>();
    Map<String, String> steps =
        Map.of(
            "/customer-contact", "{\"note\":\"" + "长".repeat(1001) + "\"}",
            "/investigation", "{\"by\":\"李强\"}",
            "/clocks/INVESTIGATION_START/pause", "{\"by\":\"李强\",\"reason\":\"NAP\"}",
            "/clocks/NO_SUCH_STAGE/pause",
                "{\"by\":\"李强\",\"reason\":\"AWAITING_CUSTOMER_INFORMATION\"}",
            "/clocks/INVESTIGATION_START/resume", "{\"by\":\"李强\"}",
            "/clocks/INVESTIGATION_START/extensions",
                "{\"extension\":\"two days\",\"approvedBy\":\"x\",\"reason\":\"y\"}",
            "/clocks/CUSTOMER_CONTACT/extensions",
                "{\"extension\":\"P1D\",\"approvedBy\":\"x\",\"reason\":\"y\"}",
            "/clocks/INVESTIGATION/extensions",
                "{\"extension\":\"P1D\",\"approvedBy\":\"x\",\"reason\":\"y\"}");
    steps.forEach(
        (path, body) -> bad.add(new Bad("step " + path, "POST", base + path, JSON, body)));
    bad.add(new Bad("contact without a body", "POST", base + "/customer-contact", JSON, null));
    // R-M2 typical cases.
    for (String body :
        List.of(
            "{}",
            "{\"kind\":\"BORING\",\"comment\":\"x\"}",
            "{\"kind\":\"FAILURE\",\"comment\":\" \"}")) {
      bad.add(new Bad("typical " + abbreviate(body), "PUT", base + "/typical", JSON, body));
    }
    // R-I7 R-F2 complex cases and first findings.
    for (String body :
        List.of("{}", "{\"reason\":\" \"}", "{\"reason\":\"" + "长".repeat(501) + "\"}")) {
      bad.add(new Bad("complex " + abbreviate(body), "POST", base + "/complex", JSON, body));
    }
    for (String body :
        List.of(
            "{}",
            "{\"findings\":\"\"}",
            "{\"findings\":\"x\",\"expectedBy\":\"tomorrow\"}",
            "{\"findings\":\"x\",\"expectedBy\":\"2020-01-01T00:00:00+08:00\"}")) {
      bad.add(
          new Bad(
              "first findings " + abbreviate(body), "POST", base + "/first-findings", JSON, body));
    }
    // R-G3 cause tags.
    for (String body :
        List.of(
            "{\"tags\":[\"RUDE\"],\"by\":\"x\",\"reason\":\"y\"}",
            "{\"tags\":\"CLOSED_COUNTERS\",\"by\":\"x\",\"reason\":\"y\"}",
            "{\"tags\":[\"CLOSED_COUNTERS\"],\"by\":\"x\"}",
            "{\"tags\":[null],\"by\":\"x\",\"reason\":\"y\"}",
            "{\"by\":\"x\",\"reason\":\"y\"}")) {
      bad.add(new Bad("cause tags " + body, "PUT", base + "/cause-tags", JSON, body));
    }
    // R-I5 evidence: registered by link, and uploaded.
    String evidence = base + "/evidence";
    for (String body :
        List.of(
            "{\"kind\":\"CCTV\",\"description\":\"x\"}",
            "{\"kind\":\"CCTV\",\"description\":\"x\",\"registeredBy\":\"\"}",
            "{\"kind\":\"TAPE\",\"description\":\"x\",\"registeredBy\":\"y\"}",
            "{\"kind\":\"CCTV\",\"description\":\"x\",\"registeredBy\":\"y\","
                + "\"link\":\"javascript:alert(1)\"}",
            "[]")) {
      bad.add(new Bad("evidence " + body, "POST", evidence, JSON, body));
    }
    bad.add(
        new Bad(
            "a form where JSON is expected",
            "POST",
            evidence,
            "multipart/form-data; boundary=XyZ",
            "--XyZ--\r\n"));
    bad.add(new Bad("JSON where a form is expected", "POST", evidence + "/files", JSON, "{}"));
    String form = "multipart/form-data; boundary=XyZ";
    String fields =
        "--XyZ\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nPHOTO\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nx\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"registeredBy\"\r\n\r\ny\r\n";
    String file =
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
            + "Content-Type: image/png\r\n\r\nnot a png\r\n";
    Map<String, String> uploads = new LinkedHashMap<>();
    uploads.put("no file part", fields + "--XyZ--\r\n");
    uploads.put("not the png it claims", fields + file + "--XyZ--\r\n");
    uploads.put("no parts", "--XyZ--\r\n");
    uploads.put("no closing boundary", fields);
    uploads.put("an unknown part", fields.replace("\"kind\"", "\"colour\"") + "--XyZ--\r\n");
    uploads.put(
        "a script",
        fields
            + file.replace("image/png", "application/x-sh").replace("a.png", "a.sh")
            + "--XyZ--\r\n");
    uploads.forEach(
        (name, body) ->
            bad.add(new Bad("upload " + name, "POST", evidence + "/files", form, body)));
    bad.add(new Bad("evidence item 0", "GET", evidence + "/0/content", null, null));
    bad.add(new Bad("evidence item x", "GET", evidence + "/x/content", null, null));
    bad.add(new Bad("contact as text", "POST", base + "/customer-contact", "text/plain", "王芳"));
    return bad;
  }

  @Test
  @DisplayName(
      "R-I3 R-I4 R-S2 at least 200 distinct malformed or invalid requests: every one a 4xx problem+json, none a 5xx, and nothing stored or changed")
  void everyBadRequestIsAClearFourHundred() throws Exception {
    HttpResponse<String> created =
        Api.postJson(COMPLAINTS, aComplaint().about("bad input target").json());
    assertEquals(201, created.statusCode(), created.body());
    String number = Api.json(created).getString("number");

    List<Bad> all = new ArrayList<>(submissions());
    all.addAll(elsewhere());
    all.addAll(onACase(number));
    Set<String> distinct = new LinkedHashSet<>();
    all.forEach(
        b -> distinct.add(b.method() + " " + b.path() + " " + b.contentType() + " " + b.body()));
    assertTrue(distinct.size() >= 200, "distinct bad requests: " + distinct.size());

    UnaryOperator<String> snapshot = sql -> String.valueOf(Database.count(sql));
    List<String> tables =
        List.of(
            "select count(*) from complaint",
            "select count(*) from work_task",
            "select count(*) from idempotency_key",
            "select count(*) from business_calendar_day",
            "select count(*) from sla_policy",
            "select count(*) from sla_escalation_step",
            "select count(*) from evidence_item",
            "select count(*) from complaint_cause_tag",
            "select count(*) from complaint_staff",
            "select count(*) from case_event",
            "select count(*) from audit_entry",
            "select count(*) from outbox_message");
    List<String> before = tables.stream().map(snapshot).toList();
    String clocksBefore = Api.get(COMPLAINTS + "/" + number + "/clocks").body();
    String policiesBefore = Api.get("/api/v1/admin/sla-policies").body();
    String weekBefore = Api.get("/api/v1/admin/calendars/week").body();

    List<String> failures = new ArrayList<>();
    for (Bad bad : all) {
      HttpResponse<String> response =
          Api.request(bad.method(), bad.path(), bad.contentType(), bad.body());
      int status = response.statusCode();
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (status < 400 || status >= 500 || !type.startsWith("application/problem+json")) {
        failures.add(bad.name() + " → " + status + " " + type + " " + abbreviate(response.body()));
      }
      // R-S2: a refusal never echoes a number that could be a mobile, an ID or a card in full.
      for (String digits : longDigitRuns(bad.body())) {
        if (response.body().contains(digits)) {
          failures.add(bad.name() + " → echoes " + digits + ": " + response.body());
        }
      }
    }
    assertEquals(List.of(), failures, failures.size() + " of " + all.size() + " not a 4xx problem");
    assertEquals(before, tables.stream().map(snapshot).toList(), "no row added or removed");
    assertEquals(clocksBefore, Api.get(COMPLAINTS + "/" + number + "/clocks").body());
    assertEquals(policiesBefore, Api.get("/api/v1/admin/sla-policies").body());
    assertEquals(weekBefore, Api.get("/api/v1/admin/calendars/week").body());
  }

  /** Runs of 11 or more digits (a mobile, an ID card, a card or account number) in a body. */
  private static List<String> longDigitRuns(String body) {
    List<String> runs = new ArrayList<>();
    if (body != null) {
      java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\d{11,}").matcher(body);
      while (matcher.find()) {
        runs.add(matcher.group());
      }
    }
    return runs;
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}

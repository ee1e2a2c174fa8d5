package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-S1: who may call what, through the real API with real signed tokens. {@link #MATRIX} is the one
 * table: every endpoint and the roles that may call it; every other role gets a 403 problem
 * (audited, R-S3), and a call without a valid token a 401 problem. The table is checked against the
 * served OpenAPI document, so an endpoint added without a row fails this test.
 */
class AccessIT extends SystemTest {

  private static final String CHANNEL = "channel";
  private static final String HANDLER = "handler";
  private static final String SUPERVISOR = "supervisor";
  private static final String MANAGER = "manager";
  private static final String ADMINISTRATOR = "administrator";
  private static final List<String> APPROVERS =
      List.of(
          "department-head",
          "branch-vice-president",
          "head-office-risk",
          "head-office-legal",
          "executive");

  /** "METHOD path" → the roles allowed; everyone else is refused. */
  private static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

  static {
    Set<String> work = roles(HANDLER, SUPERVISOR);
    Set<String> read = union(work, APPROVERS, MANAGER);
    Set<String> settingsRead = roles(ADMINISTRATOR, SUPERVISOR, MANAGER);
    Set<String> admin = roles(ADMINISTRATOR);
    String complaint = "/api/v1/complaints/{number}";
    String evidence = complaint + "/evidence";

    allow("POST /api/v1/complaints", roles(CHANNEL, SUPERVISOR));
    allow("GET /api/v1/complaints", roles(CHANNEL, HANDLER, SUPERVISOR, MANAGER));
    allow("GET " + complaint, union(read, List.of(), CHANNEL));
    allow("GET " + complaint + "/personal-data", work);
    allow("GET " + complaint + "/repeats", union(work, List.of(), MANAGER));
    allow("POST " + complaint + "/customer-contact", work);
    allow("POST " + complaint + "/investigation", work);
    allow("PUT " + complaint + "/grade", work);
    allow("POST " + complaint + "/complex", roles(SUPERVISOR, "department-head"));
    allow("PUT " + complaint + "/typical", roles(SUPERVISOR, MANAGER));
    allow("POST " + complaint + "/first-findings", work);
    allow("PUT " + complaint + "/cause-tags", work);
    allow("POST " + complaint + "/reassignment", work);
    allow("POST " + complaint + "/consultations", work);
    allow("PUT " + complaint + "/handler", work);
    allow("POST " + complaint + "/resolution", work);
    allow("POST " + complaint + "/approvals", new HashSet<>(APPROVERS));
    allow("GET " + complaint + "/resolutions", read);
    allow("POST " + complaint + "/customer-answer", union(work, List.of(), CHANNEL));
    allow("POST " + complaint + "/referral", work);
    allow("POST " + complaint + "/archive", work);
    allow("GET " + complaint + "/file", read);
    allow("GET " + complaint + "/clocks", union(work, List.of(), MANAGER));
    allow("POST " + complaint + "/clocks/{stage}/pause", work);
    allow("POST " + complaint + "/clocks/{stage}/resume", work);
    allow("POST " + complaint + "/clocks/{stage}/extensions", new HashSet<>(APPROVERS));
    allow("POST " + evidence, union(work, List.of(), CHANNEL));
    allow("POST " + evidence + "/files", union(work, List.of(), CHANNEL));
    allow("GET " + evidence, union(work, APPROVERS));
    allow("GET " + evidence + "/{item}/content", union(work, APPROVERS));
    allow("GET " + evidence + "/verification", work);
    allow("POST /api/v1/tasks/{taskId}/result", work);
    allow("GET /api/v1/incidents", roles(SUPERVISOR, MANAGER));
    allow("GET /api/v1/incidents/{id}", roles(SUPERVISOR, MANAGER));
    allow("POST /api/v1/incidents/{id}/statement", roles(SUPERVISOR));
    allow("POST /api/v1/incidents/{id}/progress", roles(SUPERVISOR));
    allow("POST /api/v1/incidents/{id}/closure", roles(SUPERVISOR));
    allow("GET /api/v1/statistics", roles(MANAGER, "executive"));
    allow("GET /api/v1/statistics/csv", roles(MANAGER, "executive"));
    allow("GET /api/v1/statistics/regulator-return", roles(MANAGER, "executive"));
    allow("GET /api/v1/statistics/quarterly-analysis", roles(MANAGER, "executive"));
    allow("GET /api/v1/statistics/quarterly-analysis/pdf", roles(MANAGER, "executive"));
    allow("POST /api/v1/improvement-actions", roles(SUPERVISOR, MANAGER));
    allow("GET /api/v1/improvement-actions", roles(SUPERVISOR, MANAGER, "executive"));
    allow("GET /api/v1/improvement-actions/{id}", roles(SUPERVISOR, MANAGER, "executive"));
    allow("PUT /api/v1/improvement-actions/{id}/status", roles(SUPERVISOR, MANAGER));
    allow("GET /api/v1/statistics/regulator-return/csv", roles(MANAGER, "executive"));
    allow("GET /api/v1/statistics/regulator-return/xlsx", roles(MANAGER, "executive"));
    allow("GET /api/v1/statistics/attention", roles(MANAGER, "executive", SUPERVISOR));
    allow("GET /api/v1/admin/calendars/{year}", settingsRead);
    allow("PUT /api/v1/admin/calendars/{year}", admin);
    allow("GET /api/v1/admin/calendars/week", settingsRead);
    allow("PUT /api/v1/admin/calendars/week", admin);
    allow("GET /api/v1/admin/calendars/deadline", settingsRead);
    allow("GET /api/v1/admin/sla-policies", settingsRead);
    allow("PUT /api/v1/admin/sla-policies/{stage}/{severity}", admin);
    allow("GET /api/v1/admin/grading-rules", settingsRead);
    allow("PUT /api/v1/admin/grading-rules", admin);
    allow("GET /api/v1/admin/routing-rules", settingsRead);
    allow("PUT /api/v1/admin/routing-rules", admin);
    allow("GET /api/v1/admin/departments", settingsRead);
    allow("PUT /api/v1/admin/departments/{code}/duty-owner", admin);
    allow("POST /api/v1/admin/departments", admin);
    allow("GET /api/v1/admin/departments/{code}", settingsRead);
    allow("PUT /api/v1/admin/departments/{code}/roles", admin);
    allow("POST /api/v1/admin/departments/{code}/broker-login", admin);
    allow("GET /api/v1/admin/notice-templates", settingsRead);
    allow("PUT /api/v1/admin/notice-templates/{notice}", admin);
    allow("GET /api/v1/admin/dead-letters", admin);
    allow("POST /api/v1/admin/dead-letters/replay", admin);
    allow("POST /api/v1/admin/dead-letters/{messageId}/replay", admin);
    allow("GET /api/v1/admin/outbox/set-aside", admin);
    allow("POST /api/v1/admin/outbox/set-aside/{id}/replay", admin);
    allow("POST /api/v1/admin/retention/run", admin);
    allow("POST /api/v1/admin/escalations/scan", admin);
    allow("GET /api/v1/admin/audit/verification", admin);
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A token per role: channel systems bound to MOBILE_APP, department staff to CSC. */
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();

  private static String number;
  private static String taskId;

  @BeforeAll
  static void aComplaintOfMobileAppAssignedToCsc() {
    for (String role : Tokens.ALL_ROLES) {
      TOKENS.put(
          role,
          switch (role) {
            case CHANNEL -> Tokens.channel("MOBILE_APP");
            case HANDLER, "department-head" -> Tokens.staff(role, "CSC");
            default -> Tokens.role(role);
          });
    }
    TOKENS.put(
        "a token without roles", Tokens.mint("nobody", List.of("customer"), null, null, 600));
    HttpResponse<String> created =
        call("POST", "/api/v1/complaints", TOKENS.get(CHANNEL), aComplaint().json());
    assertEquals(201, created.statusCode(), created.body());
    JsonObject complaint = Api.json(created);
    assertEquals("CSC", complaint.getString("department"));
    number = complaint.getString("number");
    taskId =
        Database.text(
            "select t.id from work_task t join complaint c on c.id = t.complaint_id"
                + " where c.complaint_number = ?",
            number);
  }

  @Test
  void everyEndpointTimesEveryRole() {
    long deniedBefore =
        Database.count("select count(*) from audit_entry where action = 'ACCESS_DENIED'");
    List<String> wrong = new ArrayList<>();
    int refusals = 0;
    for (Map.Entry<String, Set<String>> row : MATRIX.entrySet()) {
      String method = row.getKey().split(" ")[0];
      String path = concrete(row.getKey().split(" ")[1]);
      for (Map.Entry<String, String> caller : TOKENS.entrySet()) {
        boolean allowed = row.getValue().contains(caller.getKey());
        HttpResponse<String> response = call(method, path, caller.getValue(), null);
        int status = response.statusCode();
        if (allowed && (status == 401 || status == 403 || status >= 500)) {
          wrong.add(row.getKey() + " as " + caller.getKey() + ": expected allowed, got " + status);
        } else if (!allowed && !(status == 403 && isProblem(response))) {
          wrong.add(row.getKey() + " as " + caller.getKey() + ": expected 403, got " + status);
        }
        refusals += allowed ? 0 : 1;
      }
      HttpResponse<String> anonymous = call(method, path, null, null);
      if (anonymous.statusCode() != 401 || !isProblem(anonymous)) {
        wrong.add(row.getKey() + " without a token: expected 401, got " + anonymous.statusCode());
      }
      HttpResponse<String> forged = call(method, path, TOKENS.get(ADMINISTRATOR) + "x", null);
      if (forged.statusCode() != 401) {
        wrong.add(row.getKey() + " with a bad signature: expected 401, got " + forged.statusCode());
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    // R-S3: every refusal is on the audit log.
    assertEquals(
        deniedBefore + refusals,
        Database.count("select count(*) from audit_entry where action = 'ACCESS_DENIED'"));
  }

  @Test
  void theTableCoversEveryEndpointTheApiServes() {
    HttpResponse<String> openApi =
        send(
            HttpRequest.newBuilder(URI.create(Runtime.BASE_URL + "/openapi"))
                .header("Accept", "application/json")
                .GET());
    assertEquals(200, openApi.statusCode());
    Set<String> served = new TreeSet<>();
    JsonObject paths = Api.json(openApi).getJsonObject("paths");
    for (String path : paths.keySet()) {
      for (String method : paths.getJsonObject(path).keySet()) {
        if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
          served.add(method.toUpperCase() + " " + path);
        }
      }
    }
    assertEquals(served, new TreeSet<>(MATRIX.keySet()));
  }

  @Test
  void aChannelSystemSeesOnlyWhatItsChannelSubmitted() {
    String web = Tokens.channel("WEB_FORM");
    HttpResponse<String> other = call("GET", "/api/v1/complaints/" + number, web, null);
    assertEquals(403, other.statusCode(), other.body());
    HttpResponse<String> own =
        call("GET", "/api/v1/complaints/" + number, TOKENS.get(CHANNEL), null);
    assertEquals(200, own.statusCode(), own.body());
    // The channel is remembered once read (issue 18); it still keeps the other channel out, and a
    // number that is no complaint is remembered by nobody: 404 for a channel and for staff.
    assertEquals(
        200, call("GET", "/api/v1/complaints/" + number, TOKENS.get(CHANNEL), null).statusCode());
    assertEquals(403, call("GET", "/api/v1/complaints/" + number, web, null).statusCode());
    String unknown = "C20200101-9999999";
    assertEquals(404, call("GET", "/api/v1/complaints/" + unknown, web, null).statusCode());
    assertEquals(
        404,
        call("GET", "/api/v1/complaints/" + unknown, Tokens.role(SUPERVISOR), null).statusCode());
    // Its searches are limited to its channel; asking for another is refused.
    JsonObject found =
        Api.json(call("GET", "/api/v1/complaints?size=100", web, null)).asJsonObject();
    found
        .getJsonArray("items")
        .forEach(item -> assertEquals("WEB_FORM", item.asJsonObject().getString("channel")));
    assertEquals(403, call("GET", "/api/v1/complaints?channel=MOBILE_APP", web, null).statusCode());
    // It submits for its own channel only.
    HttpResponse<String> forged =
        call("POST", "/api/v1/complaints", web, aComplaint().from("MOBILE_APP").json());
    assertEquals(403, forged.statusCode(), forged.body());
  }

  @Test
  void departmentStaffWorkOnlyTheirDepartmentsCasesAndTasks() {
    String ebankHandler = Tokens.staff(HANDLER, "EBANK");
    assertEquals(403, call("GET", "/api/v1/complaints/" + number, ebankHandler, null).statusCode());
    HttpResponse<String> foreignTask =
        call(
            "POST",
            "/api/v1/tasks/" + taskId + "/result",
            ebankHandler,
            "{\"outcome\":\"已处理\",\"by\":\"EBANK\"}");
    assertEquals(403, foreignTask.statusCode(), foreignTask.body());
    JsonObject found =
        Api.json(call("GET", "/api/v1/complaints?size=100", ebankHandler, null)).asJsonObject();
    found
        .getJsonArray("items")
        .forEach(item -> assertEquals("EBANK", item.asJsonObject().getString("department")));
    // The CSC department head reads the case; EBANK's does not.
    assertEquals(
        200,
        call("GET", "/api/v1/complaints/" + number, Tokens.staff("department-head", "CSC"), null)
            .statusCode());
    assertEquals(
        403,
        call("GET", "/api/v1/complaints/" + number, Tokens.staff("department-head", "EBANK"), null)
            .statusCode());
    // A token without a department claim is not department staff anywhere.
    assertEquals(
        403, call("GET", "/api/v1/complaints/" + number, Tokens.role(HANDLER), null).statusCode());
  }

  @Test
  void anApproverDecidesOnlyAsTheRoleItHolds() {
    HttpResponse<String> posing =
        call(
            "POST",
            "/api/v1/complaints/" + number + "/approvals",
            Tokens.role("executive"),
            "{\"role\":\"HEAD_OFFICE_RISK\",\"decision\":\"APPROVE\",\"reason\":\"同意\"}");
    assertEquals(403, posing.statusCode(), posing.body());
  }

  @Test
  @DisplayName(
      "R-S1 R-S3 a refused call whose path carries an encoded CR/LF is logged and audited on one"
          + " line, as received: no forged line in the log or the audit entry")
  void encodedLineBreaksStayOnOneLine() throws Exception {
    String marker = "FORGED-" + UUID.randomUUID();
    HttpResponse<String> refused =
        call(
            "GET",
            "/api/v1/complaints/C20990101-0000001%0D%0A" + marker + "/file",
            Tokens.channel("MOBILE_APP"),
            null);
    assertEquals(403, refused.statusCode(), refused.body());
    String subject =
        Database.text("select subject from audit_entry where subject like ?", "%" + marker + "%");
    assertTrue(subject.contains("%0D%0A" + marker), subject);
    assertFalse(subject.contains("\n") || subject.contains("\r"), subject);
    java.nio.file.Path log =
        Runtime.dir().resolve("dist/payara6/glassfish/domains/domain1/logs/server.log");
    List<String> lines = java.nio.file.Files.readAllLines(log);
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("%0D%0A" + marker)), "the refusal is logged");
    assertTrue(lines.stream().noneMatch(l -> l.startsWith(marker)), "on one line");
  }

  private static String concrete(String template) {
    return template
        .replace("{number}", number)
        .replace("{taskId}", taskId)
        .replace("{stage}", "INVESTIGATION")
        .replace("{severity}", "GREEN")
        .replace("{item}", "1")
        .replace("{year}", "2026")
        .replace("{code}", "CSC")
        .replace("{notice}", "ACCEPTANCE")
        .replace("{messageId}", "no-such-message")
        .replace("{id}", "999999999");
  }

  /**
   * A body that no endpoint accepts (a JSON string where an object is expected; junk for the
   * multipart upload), so that an allowed call is refused by validation and changes nothing.
   */
  private static HttpResponse<String> call(String method, String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Runtime.BASE_URL + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (method.equals("GET")) {
      request.GET();
    } else if (path.endsWith("/evidence/files")) {
      request.header("Content-Type", "multipart/form-data; boundary=x");
      request.method(method, HttpRequest.BodyPublishers.ofString(body == null ? "junk" : body));
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(body == null ? "\"no\"" : body));
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean isProblem(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Content-Type")
        .orElse("")
        .startsWith("application/problem+json");
  }

  @Test
  @DisplayName(
      "R-S1 a token issued for another application, one naming no audience, and one issued more"
          + " than mp.jwt.verify.token.age (an hour) ago though not yet expired are refused (401);"
          + " a token for this API, or for it among others, is accepted")
  void tokensForOtherApplicationsOrTooOldAreRefused() {
    long now = Instant.now().getEpochSecond();
    List<String> manager = List.of("manager");
    Map<String, String> refused =
        Map.of(
            "another application's",
            Tokens.mint("crm", manager, null, null, now, now + 600, "\"crm\""),
            "no audience",
            Tokens.mint("anyone", manager, null, null, now, now + 600, null),
            "issued 61 minutes ago, valid for 8 hours",
            Tokens.mint("old", manager, null, null, now - 3660, now + 8 * 3600, "\"complaints\""));
    refused.forEach(
        (which, token) -> {
          HttpResponse<String> answer = call("GET", "/api/v1/statistics/attention", token, null);
          assertEquals(401, answer.statusCode(), which + ": " + answer.body());
        });
    for (String token :
        List.of(
            Tokens.mint("fresh", manager, null, null, now - 60, now + 600, "\"complaints\""),
            Tokens.mint(
                "shared", manager, null, null, now, now + 600, "[\"crm\",\"complaints\"]"))) {
      HttpResponse<String> answer = call("GET", "/api/v1/statistics/attention", token, null);
      assertEquals(200, answer.statusCode(), answer.body());
    }
  }

  @Test
  @DisplayName(
      "R-S1 a token verified once is remembered no longer than it is valid: accepted, then refused"
          + " once mp.jwt.verify.token.age has passed since it was issued; the same token changed"
          + " in its signature is refused while the original is remembered")
  void aRememberedTokenIsRefusedOnceItIsNoLongerValid() throws InterruptedException {
    long now = Instant.now().getEpochSecond();
    String path = "/api/v1/statistics/attention";
    // issued so that the hour's age is reached 5 s from now (its exp is 10 minutes away)
    String token =
        Tokens.mint(
            "ageing", List.of("manager"), null, null, now - 3595, now + 600, "\"complaints\"");
    assertEquals(200, call("GET", path, token, null).statusCode(), "verified");
    assertEquals(200, call("GET", path, token, null).statusCode(), "remembered");
    int cut = token.lastIndexOf('.') + 5;
    String forged =
        token.substring(0, cut) + (token.charAt(cut) == 'A' ? 'B' : 'A') + token.substring(cut + 1);
    assertEquals(401, call("GET", path, forged, null).statusCode(), "another signature");
    long waitMillis = (now + 7) * 1000 - System.currentTimeMillis();
    Thread.sleep(Math.max(0, waitMillis));
    assertEquals(401, call("GET", path, token, null).statusCode(), "too old now");
  }

  private static void allow(String endpoint, Set<String> roles) {
    MATRIX.put(endpoint, roles);
  }

  private static Set<String> roles(String... roles) {
    return new HashSet<>(List.of(roles));
  }

  private static Set<String> union(Set<String> base, List<String> more, String... extra) {
    Set<String> all = new HashSet<>(base);
    all.addAll(more);
    all.addAll(List.of(extra));
    return all;
  }
}

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-M2, R-M3: the quarterly case analysis for management: volumes and trend, top causes, the
 * high-frequency and repeat areas, the typical cases staff selected with their comments, and the
 * improvement actions with owners, due dates and status tracked until done; its figures agree with
 * the raw rows.
 */
class QuarterlyAnalysisIT extends SystemTest {

  private static final String MANAGER =
      Tokens.person("投诉管理 郑主任", List.of("manager"), null, "E50001", null);
  private static final String SUPERVISOR =
      Tokens.person("主管 周九", List.of("supervisor"), null, "E20090", null);

  private static JsonObject ok(HttpResponse<String> response) {
    assertEquals(2, response.statusCode() / 100, response.statusCode() + " " + response.body());
    return Api.json(response);
  }

  private static HttpResponse<String> send(
      String method, String path, JsonObject body, String token) {
    return Api.request(
        method, path, "application/json", body.toString(), "Authorization", "Bearer " + token);
  }

  @Test
  @DisplayName(
      "R-M2 R-M3 the quarterly analysis, as JSON and as the PDF with its charts: volumes by month, top causes and high-frequency areas as the rows say, the typical cases selected with comments, the improvement actions with owners, due dates and status until done")
  void quarterlyAnalysis() throws Exception {
    String number =
        ok(Api.postJson("/api/v1/complaints", aComplaint().about("信用卡年费重复扣收").json()))
            .getString("number");
    HttpResponse<String> byHandler =
        send(
            "PUT",
            "/api/v1/complaints/" + number + "/typical",
            Json.createObjectBuilder().add("kind", "FAILURE").add("comment", "x").build(),
            Tokens.staff("handler", "CSC"));
    assertEquals(403, byHandler.statusCode(), "selecting typical cases is a supervisor's call");
    JsonObject typical =
        ok(
            send(
                "PUT",
                "/api/v1/complaints/" + number + "/typical",
                Json.createObjectBuilder()
                    .add("kind", "COMPLEX_SOLVED")
                    .add("comment", "三部门协同查明重复扣费原因并全额退还")
                    .build(),
                SUPERVISOR));
    assertEquals("主管 周九 (E20090)", typical.getString("selectedBy"));

    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/improvement-actions",
            Json.createObjectBuilder()
                .add("area", "PROCESS")
                .add("weakness", "扣费前未校验已扣记录")
                .add("action", "扣费批处理增加重复校验")
                .add("owner", "信用卡中心 运营科 吴十")
                .add("dueOn", TestClock.today().plusDays(30).toString())
                .build(),
            MANAGER);
    assertEquals(201, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    long done = Api.json(created).getJsonNumber("id").longValue();
    assertEquals("OPEN", Api.json(created).getString("status"));
    String path = "/api/v1/improvement-actions/" + done;
    assertTrue(location.endsWith(path), location);
    ok(
        send(
            "PUT",
            path + "/status",
            Json.createObjectBuilder().add("status", "IN_PROGRESS").build(),
            MANAGER));
    JsonObject finished =
        ok(
            send(
                "PUT",
                path + "/status",
                Json.createObjectBuilder().add("status", "DONE").build(),
                MANAGER));
    assertNotNull(finished.getString("doneAt", null), finished.toString());
    assertEquals(
        409,
        send(
                "PUT",
                path + "/status",
                Json.createObjectBuilder().add("status", "IN_PROGRESS").build(),
                MANAGER)
            .statusCode(),
        "done is final");
    long late =
        ok(send(
                "POST",
                "/api/v1/improvement-actions",
                Json.createObjectBuilder()
                    .add("area", "TRAINING")
                    .add("weakness", "柜员对年费减免政策口径不一")
                    .add("action", "全行柜员年费政策培训")
                    .add("owner", "零售银行部 培训科")
                    .add("dueOn", TestClock.today().minusDays(1).toString())
                    .build(),
                MANAGER))
            .getJsonNumber("id")
            .longValue();

    String listed = Api.get("/api/v1/improvement-actions?status=DONE").body();
    assertTrue(listed.contains("\"id\":" + done + ","), "listed as done: " + listed);
    assertFalse(listed.contains("\"id\":" + late + ","), "the open one is not done: " + listed);
    String all = Api.get("/api/v1/improvement-actions").body();
    assertTrue(all.contains("\"id\":" + done + ",") && all.contains("\"id\":" + late + ","), all);

    YearMonth month = TestClock.thisMonth();
    YearMonth first = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
    String quarter = first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
    JsonObject analysis = ok(Api.get("/api/v1/statistics/quarterly-analysis?quarter=" + quarter));
    assertEquals(quarter, analysis.getString("quarter"));

    // Volumes as the rows say, and the months add up to the quarter.
    LocalDate from = first.atDay(1);
    LocalDate to = first.plusMonths(2).atEndOfMonth();
    JsonObject volumes = analysis.getJsonObject("volumes");
    long complaints = volumes.getJsonNumber("complaints").longValue();
    assertEquals(received("COMPLAINT", from, to), complaints);
    assertEquals(
        received("SUGGESTION", from, to), volumes.getJsonNumber("suggestions").longValue());
    assertEquals(
        received("COMPLAINT", from.minusMonths(3), from.minusDays(1)),
        volumes.getJsonNumber("previousQuarter").longValue());
    long months = 0;
    for (JsonValue m : volumes.getJsonArray("byMonth")) {
      months += m.asJsonObject().getJsonNumber("complaints").longValue();
    }
    assertEquals(complaints, months);

    // The largest area and cause, as the rows say.
    JsonObject area = analysis.getJsonArray("highFrequencyAreas").getJsonObject(0);
    assertEquals(
        Database.count(
            "select count(*) from complaint where feedback_type = 'COMPLAINT' and category = ?"
                + " and coalesce(department_code, '-') = ? and received_at >= ? and received_at < ?",
            area.getString("category"),
            area.getString("department"),
            start(from),
            start(to.plusDays(1))),
        area.getJsonNumber("complaints").longValue(),
        area.toString());
    long top = 0;
    for (JsonValue c : analysis.getJsonArray("byCategory")) {
      top = Math.max(top, c.asJsonObject().getJsonNumber("complaints").longValue());
    }
    assertTrue(
        area.getJsonNumber("complaints").longValue() <= top, "an area is within its category");

    // The typical case with its comment, and both actions with where they stand.
    JsonObject selected =
        analysis.getJsonArray("typicalCases").stream()
            .map(JsonValue::asJsonObject)
            .filter(t -> t.getString("number").equals(number))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the typical case: " + analysis));
    assertEquals("COMPLEX_SOLVED", selected.getString("kind"));
    assertEquals("三部门协同查明重复扣费原因并全额退还", selected.getString("comment"));
    assertEquals("信用卡年费重复扣收", selected.getString("subject"));
    JsonObject doneAction = action(analysis, done);
    assertEquals("DONE", doneAction.getString("status"));
    assertFalse(doneAction.getBoolean("overdue"));
    JsonObject lateAction = action(analysis, late);
    assertEquals("OPEN", lateAction.getString("status"));
    assertTrue(lateAction.getBoolean("overdue"), "not done by its due date: " + lateAction);
    assertEquals("零售银行部 培训科", lateAction.getString("owner"));

    assertEquals(
        400, Api.get("/api/v1/statistics/quarterly-analysis?quarter=2026-Q0").statusCode());

    // The PDF management receives: its text read back, its figures those the API serves.
    HttpResponse<byte[]> pdf =
        Api.getBytes("/api/v1/statistics/quarterly-analysis/pdf?quarter=" + quarter);
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      org.apache.pdfbox.text.PDFTextStripper stripper =
          new org.apache.pdfbox.text.PDFTextStripper();
      stripper.setSortByPosition(true);
      text = stripper.getText(document).replaceAll("[ \\t]+", " ");
    }
    assertTrue(text.contains("Quarterly complaint analysis " + quarter), text);
    assertTrue(text.contains("投诉季度分析报告"), "Chinese as written: " + text);
    JsonObject current =
        Api.json(Api.get("/api/v1/statistics/quarterly-analysis?quarter=" + quarter));
    JsonObject currentVolumes = current.getJsonObject("volumes");
    assertTrue(
        text.contains(
            currentVolumes.getJsonNumber("complaints")
                + " "
                + currentVolumes.getJsonNumber("previousQuarter")
                + " "
                + currentVolumes.getJsonNumber("change")),
        "the volumes row: " + text);
    for (JsonValue m : currentVolumes.getJsonArray("byMonth")) {
      String bar =
          m.asJsonObject().getString("key") + " " + m.asJsonObject().getJsonNumber("complaints");
      assertTrue(text.contains(bar), "the month's bar " + bar + " in: " + text);
    }
    // Table cells wrap where a column is narrow: these are compared without the line breaks.
    String unwrapped = text.replaceAll("\\s", "");
    assertTrue(unwrapped.contains(number), "the typical case: " + text);
    assertTrue(
        text.contains(late + " TRAINING")
            && unwrapped.contains("零售银行部")
            && unwrapped.contains("OVERDUE"),
        "the late action, its owner and that it is overdue: " + text);
  }

  private static JsonObject action(JsonObject analysis, long id) {
    return analysis.getJsonArray("improvementActions").stream()
        .map(JsonValue::asJsonObject)
        .filter(a -> a.getJsonNumber("id").longValue() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("action " + id + " in " + analysis));
  }

  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(TestClock.BANK).toInstant());
  }

  private static long received(String type, LocalDate from, LocalDate to) {
    return Database.count(
        "select count(*) from complaint where feedback_type = ? and received_at >= ?"
            + " and received_at < ?",
        type,
        start(from),
        start(to.plusDays(1)));
  }
}

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Beyond-rule 42: the regulator's complaint-statistics return (region x business category x cause,
 * received and concluded), as JSON, CSV and XLSX, agrees with the raw rows: counted here by a query
 * of its own over the complaints and the mapping tables.
 */
class RegulatorReturnIT extends SystemTest {

  private static final String RETURN = "/api/v1/statistics/regulator-return";

  @Test
  @DisplayName(
      "Beyond-rule 42: the regulator's return by region, business category and cause agrees with the raw rows, as JSON, CSV and XLSX")
  void returnAgreesWithTheRows() throws Exception {
    // Complaints of this test's own: two regions, several categories (and so causes).
    submit(aComplaint().about("信用卡年费重复扣收").json(), "440000");
    submit(aComplaint().about("信用卡被盗刷三笔").json(), "440000");
    submit(aComplaint().about("排队时间过长，服务态度差").json(), "650000");
    submit(aComplaint().about("理财产品说明不清").json(), null);
    HttpResponse<String> unknown =
        Api.postJson("/api/v1/complaints", withRegion(aComplaint().json(), "990000"));
    assertEquals(422, unknown.statusCode(), "no such division: " + unknown.body());

    LocalDate today = TestClock.today();
    LocalDate from = today.minusDays(1);
    LocalDate to = today.plusDays(1);
    String period = "?from=" + from + "&to=" + to;
    JsonObject served = Api.json(Api.get(RETURN + period));
    Map<String, long[]> expected = expected(from, to);
    Map<String, long[]> got = new TreeMap<>();
    for (JsonValue value : served.getJsonArray("rows")) {
      JsonObject row = value.asJsonObject();
      got.put(
          row.getString("regionCode")
              + "/"
              + row.getString("businessCode")
              + "/"
              + row.getString("causeCode"),
          new long[] {
            row.getJsonNumber("received").longValue(), row.getJsonNumber("concluded").longValue()
          });
      assertTrue(
          !row.getString("region").isBlank() && !row.getString("cause").isBlank(), row.toString());
    }
    assertEquals(text(expected), text(got), "every cell as the rows say");
    assertTrue(
        got.keySet().stream().anyMatch(k -> k.startsWith("440000/")), got.keySet().toString());
    assertTrue(
        got.keySet().stream().anyMatch(k -> k.startsWith("650000/")), got.keySet().toString());
    assertTrue(
        got.keySet().stream().anyMatch(k -> k.startsWith("310000/")),
        "no region: the bank's own (complaints.returns.default-region)");
    assertTrue(served.getString("template").contains("银行业消费投诉统计表"), "which return it follows");

    HttpResponse<String> csv = Api.get(RETURN + "/csv" + period);
    assertEquals(200, csv.statusCode());
    List<String> lines = csv.body().substring(1).lines().toList(); // after the BOM
    assertTrue(lines.get(0).startsWith("地区代码 region_code,"), lines.get(0));
    Map<String, long[]> fromCsv = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      fromCsv.put(
          cells[0] + "/" + cells[2] + "/" + cells[4],
          new long[] {Long.parseLong(cells[6]), Long.parseLong(cells[7])});
    }
    assertEquals(text(expected), text(fromCsv), "the CSV too");

    HttpResponse<byte[]> xlsx = Api.getBytes(RETURN + "/xlsx" + period);
    assertEquals(200, xlsx.statusCode());
    assertEquals(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        xlsx.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(text(expected), text(sheet(xlsx.body())), "the XLSX too");

    assertEquals(400, Api.get(RETURN + "?quarter=2026-Q5").statusCode());
    assertEquals(200, Api.get(RETURN + "?quarter=2026-Q4").statusCode());
  }

  private static void submit(String json, String region) {
    HttpResponse<String> created =
        Api.postJson("/api/v1/complaints", region == null ? json : withRegion(json, region));
    assertEquals(201, created.statusCode(), created.body());
  }

  private static String withRegion(String json, String region) {
    return json.substring(0, json.length() - 1) + ",\"region\":\"" + region + "\"}";
  }

  /** The return counted from the raw rows, by this test's own query. */
  private static Map<String, long[]> expected(LocalDate from, LocalDate to) throws SQLException {
    Map<String, long[]> cells = new TreeMap<>();
    try (Connection db = Database.connect();
        PreparedStatement statement =
            db.prepareStatement(
                "select coalesce(c.region, '310000'), coalesce(b.business_code, '99'),"
                    + " coalesce(m.cause_code, '99'), c.status from complaint c"
                    + " left join return_business_map b on b.department_code = c.department_code"
                    + " left join return_cause_map m on m.category = c.category"
                    + " where c.feedback_type = 'COMPLAINT' and c.received_at >= ?"
                    + " and c.received_at < ?")) {
      statement.setTimestamp(1, Timestamp.from(from.atStartOfDay(TestClock.BANK).toInstant()));
      statement.setTimestamp(
          2, Timestamp.from(to.plusDays(1).atStartOfDay(TestClock.BANK).toInstant()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long[] sums =
              cells.computeIfAbsent(
                  rows.getString(1) + "/" + rows.getString(2) + "/" + rows.getString(3),
                  k -> new long[2]);
          sums[0]++;
          sums[1] +=
              List.of("CLOSED", "REFERRED_OUTSIDE", "ARCHIVED").contains(rows.getString(4)) ? 1 : 0;
        }
      }
    }
    return cells;
  }

  /** The cells of the workbook's one sheet, read as a spreadsheet program would. */
  private static Map<String, long[]> sheet(byte[] workbook) throws IOException {
    String xml = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
          xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertTrue(xml != null, "a worksheet");
    Map<String, long[]> cells = new TreeMap<>();
    Matcher row = Pattern.compile("<row r=\"(\\d+)\">(.*?)</row>").matcher(xml);
    Pattern cell =
        Pattern.compile(
            "<c r=\"[A-Z]+\\d+\"(?: t=\"inlineStr\")?>(?:<is><t>(.*?)</t></is>|<v>(.*?)</v>)</c>");
    while (row.find()) {
      if (row.group(1).equals("1")) {
        continue; // the header
      }
      List<String> values = new ArrayList<>();
      Matcher c = cell.matcher(row.group(2));
      while (c.find()) {
        values.add(c.group(1) != null ? c.group(1) : c.group(2));
      }
      cells.put(
          values.get(0) + "/" + values.get(2) + "/" + values.get(4),
          new long[] {Long.parseLong(values.get(6)), Long.parseLong(values.get(7))});
    }
    return cells;
  }

  private static String text(Map<String, long[]> cells) {
    StringBuilder out = new StringBuilder();
    cells.forEach(
        (k, v) -> out.append(k).append('=').append(v[0]).append('/').append(v[1]).append('\n'));
    return out.toString();
  }
}

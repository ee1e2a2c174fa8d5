package bank.complaints.api.v1.statistics;

import bank.complaints.statistics.RegulatorReturn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Beyond-rule 42: the regulator's return as the files a reporting officer uploads or checks: CSV
 * (UTF-8 with a byte-order mark) and XLSX (one sheet, Office Open XML written directly: a header
 * row, then a row per region, business category and cause, counts as numbers).
 */
final class RegulatorReturnFiles {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final List<String> HEADER =
      List.of(
          "地区代码 region_code",
          "地区 region",
          "业务类别代码 business_code",
          "业务类别 business",
          "投诉原因代码 cause_code",
          "投诉原因 cause",
          "投诉受理数 received",
          "办结数 concluded");

  private RegulatorReturnFiles() {}

  static String csv(RegulatorReturn report) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    StatisticsCsv.line(csv, HEADER);
    for (List<Object> row : rows(report)) {
      StatisticsCsv.line(csv, row.stream().map(String::valueOf).toList());
    }
    return csv.toString();
  }

  static byte[] xlsx(RegulatorReturn report) {
    StringBuilder sheet =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>");
    List<List<Object>> all = new ArrayList<>();
    all.add(new ArrayList<>(HEADER));
    all.addAll(rows(report));
    for (int r = 0; r < all.size(); r++) {
      sheet.append("<row r=\"").append(r + 1).append("\">");
      List<Object> cells = all.get(r);
      for (int c = 0; c < cells.size(); c++) {
        String ref = (char) ('A' + c) + String.valueOf(r + 1);
        Object value = cells.get(c);
        if (value instanceof Long number) {
          sheet.append("<c r=\"").append(ref).append("\"><v>").append(number).append("</v></c>");
        } else {
          sheet
              .append("<c r=\"")
              .append(ref)
              .append("\" t=\"inlineStr\"><is><t>")
              .append(escaped(String.valueOf(value)))
              .append("</t></is></c>");
        }
      }
      sheet.append("</row>");
    }
    sheet.append("</sheetData></worksheet>");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
              + " Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
              + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
              + " PartName=\"/xl/workbook.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override"
              + " PartName=\"/xl/worksheets/sheet1.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"xl/workbook.xml\"/></Relationships>");
      entry(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet"
              + " name=\""
              + report.from()
              + " to "
              + report.to()
              + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      entry(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
              + " Target=\"worksheets/sheet1.xml\"/></Relationships>");
      entry(zip, "xl/worksheets/sheet1.xml", sheet.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static List<List<Object>> rows(RegulatorReturn report) {
    return report.rows().stream()
        .map(
            r ->
                List.<Object>of(
                    r.regionCode(),
                    r.region(),
                    r.businessCode(),
                    r.business(),
                    r.causeCode(),
                    r.cause(),
                    r.received(),
                    r.concluded()))
        .toList();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** XML text: markup characters escaped, control characters (invalid in XML 1.0) as spaces. */
  private static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(ch < 0x20 && ch != '\t' && ch != '\n' ? ' ' : ch);
      }
    }
    return out.toString();
  }
}

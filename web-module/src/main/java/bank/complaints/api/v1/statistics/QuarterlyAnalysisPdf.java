package bank.complaints.api.v1.statistics;

import bank.complaints.review.QuarterlyAnalysis;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;

/**
 * R-M2, R-M3: the quarterly analysis as the PDF a complaint office sends to management, drawn on
 * the server from the same figures the API serves: the volumes with a bar chart by month, the top
 * causes with a bar chart, the high-frequency areas, the typical cases with their comments and the
 * improvement actions. Chinese text is set in STSong-Light (Adobe's CJK base font, which PDF
 * viewers supply; OpenPDF names it without embedding).
 */
final class QuarterlyAnalysisPdf {

  static final String MEDIA_TYPE = "application/pdf";

  private static final Color BAR = new Color(0x2f, 0x6d, 0xb5);

  private QuarterlyAnalysisPdf() {}

  static byte[] of(QuarterlyAnalysis analysis, ZoneId bankZone) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 40, 40, 40, 40);
    try {
      BaseFont cjk = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
      Font title = new Font(cjk, 16, Font.BOLD);
      Font heading = new Font(cjk, 12, Font.BOLD);
      Font text = new Font(cjk, 9);
      PdfWriter writer = PdfWriter.getInstance(document, bytes);
      document.addTitle("Quarterly complaint analysis " + analysis.quarter());
      document.open();
      document.add(
          new Paragraph("投诉季度分析报告 Quarterly complaint analysis " + analysis.quarter(), title));
      document.add(
          new Paragraph(
              "期间 Period: " + analysis.from() + " – " + analysis.to() + " (" + bankZone + ")",
              text));

      QuarterlyAnalysis.Volumes v = analysis.volumes();
      section(document, "一、投诉量与趋势 Volumes and trend", heading);
      document.add(
          table(
              text,
              List.of(
                  "投诉 Complaints",
                  "上季度 Previous quarter",
                  "变化 Change",
                  "变化率 Change rate",
                  "建议 Suggestions",
                  "咨询 Inquiries"),
              List.of(
                  List.of(
                      String.valueOf(v.complaints()),
                      String.valueOf(v.previousQuarter()),
                      String.valueOf(v.change()),
                      v.changeRate() == null ? "-" : v.changeRate().toPlainString(),
                      String.valueOf(v.suggestions()),
                      String.valueOf(v.inquiries())))));
      document.add(bars(writer, cjk, "按月 By month", v.byMonth()));

      section(document, "二、主要原因 Top causes", heading);
      document.add(
          table(
              text,
              List.of("原因标签 Cause tag", "投诉 Complaints"),
              analysis.topCauseTags().stream()
                  .map(c -> List.of(c.key(), String.valueOf(c.complaints())))
                  .toList()));
      document.add(bars(writer, cjk, "按类别 By category", analysis.byCategory()));

      section(document, "三、高发与重复领域 High-frequency and repeat areas (R-M3)", heading);
      document.add(
          table(
              text,
              List.of("类别 Category", "部门 Department", "投诉 Complaints", "重复 Repeats"),
              analysis.highFrequencyAreas().stream()
                  .map(
                      a ->
                          List.of(
                              a.category(),
                              a.department(),
                              String.valueOf(a.complaints()),
                              String.valueOf(a.repeats())))
                  .toList()));

      section(document, "四、典型案例 Typical cases (R-M2)", heading);
      document.add(
          table(
              text,
              List.of("编号 Number", "类型 Kind", "事由 Subject", "点评 Comment", "选定人 Selected by"),
              analysis.typicalCases().stream()
                  .map(
                      t ->
                          List.of(
                              t.number(), t.kind().name(), t.subject(), t.comment(), t.flaggedBy()))
                  .toList()));

      section(document, "五、整改措施 Improvement actions (R-M3)", heading);
      document.add(
          table(
              text,
              List.of(
                  "编号 Id",
                  "领域 Area",
                  "问题 Weakness",
                  "措施 Action",
                  "责任人 Owner",
                  "期限 Due",
                  "状态 Status"),
              analysis.improvementActions().stream()
                  .map(
                      a ->
                          List.of(
                              String.valueOf(a.id()),
                              a.area().name(),
                              a.weakness(),
                              a.action(),
                              a.owner(),
                              a.dueOn().toString(),
                              a.status().name() + (a.overdue() ? " 逾期 OVERDUE" : "")))
                  .toList()));
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot draw the quarterly analysis: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void section(Document document, String title, Font font) throws DocumentException {
    Paragraph paragraph = new Paragraph(title, font);
    paragraph.setSpacingBefore(12);
    paragraph.setSpacingAfter(4);
    document.add(paragraph);
  }

  private static PdfPTable table(Font font, List<String> header, List<List<String>> rows) {
    PdfPTable table = new PdfPTable(header.size());
    table.setWidthPercentage(100);
    for (String cell : header) {
      PdfPCell head = new PdfPCell(new Phrase(cell, font));
      head.setBackgroundColor(new Color(0xe8, 0xee, 0xf6));
      table.addCell(head);
    }
    if (rows.isEmpty()) {
      PdfPCell none = new PdfPCell(new Phrase("无 none", font));
      none.setColspan(header.size());
      table.addCell(none);
    }
    for (List<String> row : rows) {
      for (String cell : row) {
        table.addCell(new PdfPCell(new Phrase(cell == null ? "" : cell, font)));
      }
    }
    return table;
  }

  /** A horizontal bar chart of counts, drawn as vector shapes with its labels and figures. */
  private static Element bars(
      PdfWriter writer, BaseFont font, String caption, List<QuarterlyAnalysis.Count> counts)
      throws DocumentException {
    float width = 515;
    float row = 16;
    float height = 22 + row * Math.max(1, counts.size());
    PdfTemplate chart = writer.getDirectContent().createTemplate(width, height);
    chart.beginText();
    chart.setFontAndSize(font, 9);
    chart.setTextMatrix(0, height - 12);
    chart.showText(caption);
    chart.endText();
    long max = counts.stream().mapToLong(QuarterlyAnalysis.Count::complaints).max().orElse(0);
    float labelWidth = 140;
    float barSpace = width - labelWidth - 60;
    for (int i = 0; i < counts.size(); i++) {
      QuarterlyAnalysis.Count count = counts.get(i);
      float y = height - 22 - row * (i + 1) + 3;
      float length = max == 0 ? 0 : barSpace * count.complaints() / max;
      chart.setColorFill(BAR);
      chart.rectangle(labelWidth, y, Math.max(length, 0.5f), row - 6);
      chart.fill();
      chart.setColorFill(Color.BLACK);
      chart.beginText();
      chart.setFontAndSize(font, 8);
      chart.setTextMatrix(0, y + 1);
      chart.showText(count.key());
      chart.setTextMatrix(labelWidth + length + 4, y + 1);
      chart.showText(String.valueOf(count.complaints()));
      chart.endText();
    }
    com.lowagie.text.Image image = com.lowagie.text.Image.getInstance(chart);
    image.setAlignment(Element.ALIGN_LEFT);
    image.setSpacingBefore(6);
    return image;
  }
}

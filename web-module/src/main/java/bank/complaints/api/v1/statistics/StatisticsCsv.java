package bank.complaints.api.v1.statistics;

import bank.complaints.sla.SlaStage;
import bank.complaints.statistics.StatisticsReport;
import bank.complaints.statistics.StatisticsReport.Indicators;
import bank.complaints.statistics.StatisticsReport.Rate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as one CSV table (RFC 4180): a row per dimension and key with every indicator, the
 * previous period's total (dimension PREVIOUS), the reasons for dissatisfaction (REASON), what was
 * received of each feedback type, complaints, suggestions and inquiries (FEEDBACK_TYPE, R-I2), and
 * the daily counts (DAY). Starts with a byte-order mark so that spreadsheets read the Chinese text.
 */
final class StatisticsCsv {

  private StatisticsCsv() {}

  static String of(StatisticsReport report) {
    List<String> header =
        new ArrayList<>(
            List.of(
                "from",
                "to",
                "dimension",
                "key",
                "label",
                "cases",
                "share",
                "concluded",
                "average_handling_hours",
                "p90_handling_hours",
                "first_contact_resolution_rate",
                "satisfaction_rate",
                "basically_satisfied_rate",
                "problem_solved_rate",
                "escalation_rate",
                "repeat_rate",
                "on_time_rate"));
    for (SlaStage stage : SlaStage.values()) {
      header.add("on_time_" + stage.name().toLowerCase(Locale.ROOT));
    }
    StringBuilder csv = new StringBuilder("\uFEFF");
    line(csv, header);
    String from = report.from().toString();
    String to = report.to().toString();
    indicators(csv, from, to, "ALL", report.overall());
    report.byDepartment().forEach(i -> indicators(csv, from, to, "DEPARTMENT", i));
    report.byEmployee().forEach(i -> indicators(csv, from, to, "EMPLOYEE", i));
    report.byCategory().forEach(i -> indicators(csv, from, to, "CATEGORY", i));
    report.byChannel().forEach(i -> indicators(csv, from, to, "CHANNEL", i));
    report.bySeverity().forEach(i -> indicators(csv, from, to, "SEVERITY", i));
    report.byCauseTag().forEach(i -> indicators(csv, from, to, "CAUSE_TAG", i));
    StatisticsReport.Trend trend = report.trend();
    line(
        csv,
        padded(
            header.size(),
            trend.previousFrom().toString(),
            trend.previousTo().toString(),
            "PREVIOUS",
            "-",
            "-",
            String.valueOf(trend.previousCases())));
    for (StatisticsReport.Reason reason : report.dissatisfactionReasons()) {
      line(
          csv,
          padded(
              header.size(),
              from,
              to,
              "REASON",
              reason.reason(),
              reason.reason(),
              String.valueOf(reason.cases()),
              text(reason.share())));
    }
    for (StatisticsReport.Received received : report.byFeedbackType()) {
      line(
          csv,
          padded(
              header.size(),
              from,
              to,
              "FEEDBACK_TYPE",
              received.feedbackType(),
              received.feedbackType(),
              String.valueOf(received.received())));
    }
    for (StatisticsReport.Day day : report.daily()) {
      line(
          csv,
          padded(
              header.size(),
              day.day().toString(),
              day.day().toString(),
              "DAY",
              day.day().toString(),
              day.day().toString(),
              String.valueOf(day.cases())));
    }
    return csv.toString();
  }

  private static void indicators(
      StringBuilder csv, String from, String to, String dimension, Indicators i) {
    List<String> cells =
        new ArrayList<>(
            List.of(
                from,
                to,
                dimension,
                i.key(),
                i.label(),
                String.valueOf(i.cases()),
                text(i.share()),
                String.valueOf(i.concluded()),
                text(i.averageHandlingHours()),
                i.p90HandlingHours() == null ? "" : i.p90HandlingHours().toString(),
                rate(i.firstContactResolution()),
                rate(i.satisfaction()),
                rate(i.basicallySatisfied()),
                rate(i.problemSolved()),
                rate(i.escalation()),
                rate(i.repeat()),
                rate(i.onTime())));
    for (SlaStage stage : SlaStage.values()) {
      cells.add(rate(i.onTimeByStage().get(stage)));
    }
    line(csv, cells);
  }

  private static List<String> padded(int size, String... cells) {
    List<String> row = new ArrayList<>(List.of(cells));
    while (row.size() < size) {
      row.add("");
    }
    return row;
  }

  private static String rate(Rate rate) {
    return rate == null ? "" : text(rate.rate());
  }

  private static String text(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  /** One RFC 4180 line of cells, each guarded against running as a formula. */
  static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(quoted(cells.get(i)));
    }
    csv.append("\r\n");
  }

  /**
   * Quotes a cell that needs it; a text starting with =, +, -, @, a tab or a carriage return is
   * prefixed with ' so that no spreadsheet runs it as a formula (a number, -3.5, and a lone "-"
   * stay as they are).
   */
  private static String quoted(String cell) {
    String value = cell;
    if (value.length() > 1
        && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
        && !value.matches("[-+]?\\d+(\\.\\d+)?")) {
      value = "'" + value;
    }
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}

package bank.complaints.api.v1.statistics;

import bank.complaints.api.Params;
import bank.complaints.api.security.Allowed;
import bank.complaints.api.security.Role;
import bank.complaints.platform.BankZone;
import bank.complaints.review.ManagementReview;
import bank.complaints.review.QuarterlyAnalysis;
import bank.complaints.statistics.Attention;
import bank.complaints.statistics.RegulatorReturn;
import bank.complaints.statistics.RegulatorReturns;
import bank.complaints.statistics.StatisticsReport;
import bank.complaints.statistics.StatisticsReports;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * R-M1, R-M4: the monthly review and the performance indicators, as JSON or CSV, for managers. A
 * period is a calendar month ({@code month}) or any days ({@code from}, {@code to}, both included,
 * at most a year); without either, the current month. Figures lag the cases by a few seconds.
 */
@Path("v1/statistics")
@RequestScoped
@Tag(name = "Statistics")
public class StatisticsResource {

  static final String CSV = "text/csv";

  @Inject StatisticsReports reports;

  @Inject RegulatorReturns returns;

  @Inject ManagementReview review;

  @Inject @BankZone ZoneId bankZone;

  @Inject Clock clock;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getStatistics",
      summary =
          "R-M1, R-M4: totals and trend, shares, handling times, on-time rates, first-contact"
              + " resolution, satisfaction, escalation and repeat rates, per department and"
              + " employee")
  @Allowed({Role.MANAGER, Role.EXECUTIVE})
  public StatisticsReport report(
      @Parameter(example = "2026-10") @QueryParam("month") String month,
      @Parameter(example = "2026-10-01") @QueryParam("from") String from,
      @Parameter(example = "2026-10-31") @QueryParam("to") String to) {
    return period(month, from, to);
  }

  @GET
  @Path("csv")
  @Produces(CSV)
  @Operation(
      operationId = "getStatisticsCsv",
      summary = "R-M1, R-M4: the same report as CSV (UTF-8), one row per dimension and key")
  @APIResponse(
      responseCode = "200",
      description = "The report as CSV, UTF-8.",
      content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
  @Allowed({Role.MANAGER, Role.EXECUTIVE})
  public Response csv(
      @Parameter(example = "2026-10") @QueryParam("month") String month,
      @Parameter(example = "2026-10-01") @QueryParam("from") String from,
      @Parameter(example = "2026-10-31") @QueryParam("to") String to) {
    StatisticsReport report = period(month, from, to);
    return Response.ok(StatisticsCsv.of(report), CSV + ";charset=UTF-8")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"complaint-statistics-"
                + report.from()
                + "-"
                + report.to()
                + ".csv\"")
        .build();
  }

  @GET
  @Path("regulator-return")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getRegulatorReturn",
      summary =
          "Beyond-rule 42: the complaint-statistics return in the regulator's classification:"
              + " region x business category x cause, received and concluded",
      description =
          "Modelled on the NFRA banking consumer-complaint statistics return (银行业消费投诉统计表);"
              + " the code lists and the mapping from departments and categories are data. A"
              + " period is a quarter (quarter=2026-Q4) or any days (from, to); by default the"
              + " current quarter.")
  @Allowed({Role.MANAGER, Role.EXECUTIVE})
  public RegulatorReturn regulatorReturn(
      @Parameter(example = "2026-Q4") @QueryParam("quarter") String quarter,
      @Parameter(example = "2026-10-01") @QueryParam("from") String from,
      @Parameter(example = "2026-12-31") @QueryParam("to") String to) {
    return regulatorPeriod(quarter, from, to);
  }

  @GET
  @Path("regulator-return/csv")
  @Produces(CSV)
  @Operation(
      operationId = "getRegulatorReturnCsv",
      summary = "Beyond-rule 42: the regulator's return as CSV (UTF-8)")
  @APIResponse(
      responseCode = "200",
      description = "The return as CSV, UTF-8.",
      content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
  @Allowed({Role.MANAGER, Role.EXECUTIVE})
  public Response regulatorReturnCsv(
      @Parameter(example = "2026-Q4") @QueryParam("quarter") String quarter,
      @Parameter(example = "2026-10-01") @QueryParam("from") String from,
      @Parameter(example = "2026-12-31") @QueryParam("to") String to) {
    RegulatorReturn report = regulatorPeriod(quarter, from, to);
    return Response.ok(RegulatorReturnFiles.csv(report), CSV + ";charset=UTF-8")
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "csv"))
        .build();
  }

  @GET
  @Path("regulator-return/xlsx")
  @Produces(RegulatorReturnFiles.XLSX)
  @Operation(
      operationId = "getRegulatorReturnXlsx",
      summary = "Beyond-rule 42: the regulator's return as an XLSX workbook")
  @APIResponse(
      responseCode = "200",
      description = "The return as one XLSX sheet.",
      content =
          @Content(
              mediaType = RegulatorReturnFiles.XLSX,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @Allowed({Role.MANAGER, Role.EXECUTIVE})
  public Response regulatorReturnXlsx(
      @Parameter(example = "2026-Q4") @QueryParam("quarter") String quarter,
      @Parameter(example = "2026-10-01") @QueryParam("from") String from,
      @Parameter(example = "2026-12-31") @QueryParam("to") String to) {
    RegulatorReturn report = regulatorPeriod(quarter, from, to);
    return Response.ok(RegulatorReturnFiles.xlsx(report), RegulatorReturnFiles.XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report, "xlsx"))
        .build();
  }

  @GET
  @Path("quarterly-analysis")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getQuarterlyAnalysis",
      summary =
          "R-M2, R-M3: the quarter's case analysis: volumes and trend, top causes, high-frequency"
              + " and repeat areas, the typical cases selected, the improvement actions")
  @Allowed({Role.MANAGER, Role.EXECUTIVE})
  public QuarterlyAnalysis quarterlyAnalysis(
      @Parameter(example = "2026-Q4") @QueryParam("quarter") String quarter) {
    return review.quarter(quarterStart(quarter));
  }

  @GET
  @Path("quarterly-analysis/pdf")
  @Produces(QuarterlyAnalysisPdf.MEDIA_TYPE)
  @Operation(
      operationId = "getQuarterlyAnalysisPdf",
      summary =
          "R-M2, R-M3: the quarterly analysis as the PDF sent to management, its charts drawn from"
              + " the same figures")
  @APIResponse(
      responseCode = "200",
      description = "The analysis as PDF.",
      content =
          @Content(
              mediaType = QuarterlyAnalysisPdf.MEDIA_TYPE,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @Allowed({Role.MANAGER, Role.EXECUTIVE})
  public Response quarterlyAnalysisPdf(
      @Parameter(example = "2026-Q4") @QueryParam("quarter") String quarter) {
    QuarterlyAnalysis analysis = review.quarter(quarterStart(quarter));
    return Response.ok(QuarterlyAnalysisPdf.of(analysis, bankZone), QuarterlyAnalysisPdf.MEDIA_TYPE)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"complaint-analysis-" + analysis.quarter() + ".pdf\"")
        .build();
  }

  /** The first month of the quarter asked for, or of this one. */
  private YearMonth quarterStart(String quarter) {
    if (quarter == null) {
      YearMonth now = YearMonth.now(clock.withZone(bankZone));
      return now.withMonth((now.getMonthValue() - 1) / 3 * 3 + 1);
    }
    java.util.regex.Matcher q =
        java.util.regex.Pattern.compile("(\\d{4})-Q([1-4])").matcher(quarter);
    if (!q.matches()) {
      throw new BadRequestException("'quarter' must be a quarter, e.g. 2026-Q4.");
    }
    return YearMonth.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1);
  }

  private static String attachment(RegulatorReturn report, String extension) {
    return "attachment; filename=\"complaint-return-"
        + report.from()
        + "-"
        + report.to()
        + "."
        + extension
        + "\"";
  }

  private RegulatorReturn regulatorPeriod(String quarter, String from, String to) {
    if (quarter != null && (from != null || to != null)) {
      throw new BadRequestException("Ask for a 'quarter' or for 'from' and 'to', not both.");
    }
    if (from != null || to != null) {
      if (from == null || to == null) {
        throw new BadRequestException("'from' and 'to' go together.");
      }
      return returns.of(Params.queryDate("from", from), Params.queryDate("to", to));
    }
    YearMonth first = quarterStart(quarter);
    return returns.of(first.atDay(1), first.plusMonths(2).atEndOfMonth());
  }

  @GET
  @Path("attention")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getAttentionList",
      summary = "Cases whose running deadline is missed (breached) or past its warning")
  @Allowed({Role.MANAGER, Role.EXECUTIVE, Role.SUPERVISOR})
  public Attention attention(@QueryParam("limit") @DefaultValue("50") String limit) {
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= 500) {
        return reports.attention(value);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new BadRequestException("'limit' must be a whole number from 1 to 500.");
  }

  private StatisticsReport period(String month, String from, String to) {
    if (month != null && (from != null || to != null)) {
      throw new BadRequestException("Ask for a 'month' or for 'from' and 'to', not both.");
    }
    if (from != null || to != null) {
      if (from == null || to == null) {
        throw new BadRequestException("'from' and 'to' go together.");
      }
      return reports.range(Params.queryDate("from", from), Params.queryDate("to", to));
    }
    YearMonth asked;
    try {
      asked = month == null ? YearMonth.now(clock.withZone(bankZone)) : YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new BadRequestException("'month' must be a month, e.g. 2026-10.");
    }
    return reports.month(asked);
  }
}

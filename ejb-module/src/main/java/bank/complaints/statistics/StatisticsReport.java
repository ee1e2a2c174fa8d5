package bank.complaints.statistics;

import bank.complaints.sla.SlaStage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * R-M1, R-M4: the figures of a period (bank calendar days, both ends included), against the period
 * of the same length just before it (for a calendar month: the month before).
 */
public record StatisticsReport(
    LocalDate from,
    LocalDate to,
    String zone,
    Instant asOf,
    Trend trend,
    Indicators overall,
    List<Indicators> byDepartment,
    List<Indicators> byEmployee,
    List<Indicators> byCategory,
    List<Indicators> byChannel,
    List<Indicators> bySeverity,
    List<Indicators> byCauseTag,
    List<Reason> dissatisfactionReasons,
    List<Day> daily,
    List<Received> byFeedbackType) {

  /** Totals against the previous period. */
  public record Trend(
      LocalDate previousFrom,
      LocalDate previousTo,
      long cases,
      long previousCases,
      long change,
      BigDecimal changeRate) {}

  /**
   * The indicators of one key: {@code share} is of all the period's cases; handling times are of
   * the concluded cases. The 90th percentile is a nearest rank in hours, counted in whole hours up
   * to three days and whole days beyond ({@link CaseFacts#handlingHours()}); it is not kept per
   * employee. R-F8: {@code satisfaction} counts satisfied and basically satisfied answers of all
   * answered; {@code basicallySatisfied} the latter alone (so satisfied alone and dissatisfied
   * follow); {@code problemSolved} the "really solved" answers of the calls that asked.
   */
  public record Indicators(
      String key,
      String label,
      long cases,
      BigDecimal share,
      long concluded,
      BigDecimal averageHandlingHours,
      Integer p90HandlingHours,
      Rate firstContactResolution,
      Rate satisfaction,
      Rate basicallySatisfied,
      Rate problemSolved,
      Rate escalation,
      Rate repeat,
      Rate onTime,
      Map<SlaStage, Rate> onTimeByStage) {}

  /** {@code count} of {@code of}, and their quotient to four places (none when {@code of} is 0). */
  public record Rate(long count, long of, BigDecimal rate) {

    public static Rate of(long count, long of) {
      return new Rate(count, of, ratio(count, of));
    }
  }

  /** A reason for dissatisfaction, and its share of the dissatisfied answers. */
  public record Reason(String reason, long cases, BigDecimal share) {}

  /**
   * R-I2: what was received of one feedback type (complaint, suggestion, inquiry) in the period and
   * in the one before. Only complaints run the case process, so only they have the indicators; all
   * three are counted here.
   */
  public record Received(String feedbackType, long received, long previous) {}

  /** The cases received on one day (the trend line). */
  public record Day(LocalDate day, long cases) {}

  /** {@code count / of} to four places, half up; none when {@code of} is 0. */
  public static BigDecimal ratio(long count, long of) {
    return of == 0
        ? null
        : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
  }
}

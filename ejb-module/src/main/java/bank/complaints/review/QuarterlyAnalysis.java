package bank.complaints.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * R-M2, R-M3: a quarter's case analysis for management: volumes and their trend, the top causes,
 * the high-frequency and repeat areas where weaknesses are looked for, the typical cases staff
 * selected, and the improvement actions with their owners, due dates and status.
 */
public record QuarterlyAnalysis(
    String quarter,
    LocalDate from,
    LocalDate to,
    Volumes volumes,
    List<Count> topCauseTags,
    List<Count> byCategory,
    List<Area> highFrequencyAreas,
    List<Typical> typicalCases,
    List<Action> improvementActions) {

  /** Complaints received in the quarter, the quarter before, and per month. */
  public record Volumes(
      long complaints,
      long previousQuarter,
      long change,
      BigDecimal changeRate,
      long suggestions,
      long inquiries,
      List<Count> byMonth) {}

  /** A key and how many complaints it has. */
  public record Count(String key, long complaints) {}

  /** R-M3: a category in a department, with its complaints and how many of them repeat. */
  public record Area(String category, String department, long complaints, long repeats) {}

  /** R-M2: a typical case as staff selected and commented it. */
  public record Typical(
      String number,
      String subject,
      String severity,
      String status,
      TypicalKind kind,
      String comment,
      String flaggedBy,
      Instant flaggedAt) {}

  /** R-M3: an improvement action and where it stands. */
  public record Action(
      long id,
      ImprovementAction.Area area,
      String weakness,
      String action,
      String owner,
      LocalDate dueOn,
      ImprovementAction.Status status,
      boolean overdue,
      Instant doneAt) {}
}

package bank.complaints.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;

/** A day that breaks the weekly pattern: a public holiday or a make-up working day. */
@Entity
@Table(name = "business_calendar_day")
public class SpecialDay {

  @Id
  @Column(name = "calendar_date")
  private LocalDate calendarDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private DayKind kind;

  @Column(name = "name", nullable = false)
  private String name;

  protected SpecialDay() {}

  public SpecialDay(LocalDate day, DayKind kind, String name) {
    this.calendarDate = Objects.requireNonNull(day, "day");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.name = Objects.requireNonNull(name, "name");
  }

  public LocalDate day() {
    return calendarDate;
  }

  public DayKind kind() {
    return kind;
  }

  public String name() {
    return name;
  }
}

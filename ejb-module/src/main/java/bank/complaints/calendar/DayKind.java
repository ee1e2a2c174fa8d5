package bank.complaints.calendar;

/** How a special day breaks the weekly pattern. */
public enum DayKind {
  /** A public holiday: no working time. */
  HOLIDAY,
  /** A make-up working day (usually a weekend day): a normal working day's hours. */
  WORKDAY
}

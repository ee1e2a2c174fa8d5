package bank.complaints.grading;

/**
 * R-G1 severity. Red cases are urgent: their clocks may alert at any hour, and they start the
 * urgent path at once.
 */
public enum Severity {
  RED,
  YELLOW,
  GREEN
}

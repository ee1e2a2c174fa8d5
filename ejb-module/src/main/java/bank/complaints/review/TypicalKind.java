package bank.complaints.review;

/** R-M2: why a case is typical: a complex one solved, a failure, or a mass complaint. */
public enum TypicalKind {
  COMPLEX_SOLVED,
  FAILURE,
  MASS_COMPLAINT
}

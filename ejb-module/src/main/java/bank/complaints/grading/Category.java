package bank.complaints.grading;

/** R-G2 category of a complaint. */
public enum Category {
  PRODUCT,
  SERVICE,
  FEES,
  SYSTEM,
  SECURITY,
  OTHER
}

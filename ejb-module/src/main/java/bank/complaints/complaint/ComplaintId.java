package bank.complaints.complaint;

/**
 * A complaint's identity inside the platform (its row's key): what its timeline, clocks, tasks,
 * evidence and findings refer to. Never shown to a customer, who knows the complaint by its {@link
 * ComplaintNumber}.
 */
public record ComplaintId(long value) {

  /** The bare value, as logs and messages have always shown it. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}

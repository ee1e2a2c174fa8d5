package bank.complaints.insight;

/** R-X2: a mass-complaint incident's identity, as its members and its messages refer to it. */
public record IncidentId(long value) {

  /** The bare value, as logs, messages and the API have always shown it. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}

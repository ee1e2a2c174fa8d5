package bank.complaints.common;

/** A request that is well formed but breaks a business rule, e.g. an illegal state transition. */
public non-sealed class RuleViolationException extends DomainException {

  public RuleViolationException(String message) {
    super(message);
  }
}

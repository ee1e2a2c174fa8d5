package bank.complaints.common;

/**
 * The root of every rule the domain refuses. Unchecked, and free of any transport: the JAX-RS
 * boundary maps each family to an RFC 9457 problem in one place.
 */
public abstract sealed class DomainException extends RuntimeException
    permits NotFoundException, RuleViolationException, InvalidRequestException {

  protected DomainException(String message) {
    super(message);
  }
}

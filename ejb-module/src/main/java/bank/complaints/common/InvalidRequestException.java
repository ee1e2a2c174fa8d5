package bank.complaints.common;

/**
 * A request that is well formed but cannot be accepted as it stands (e.g. a day outside its year).
 */
public non-sealed class InvalidRequestException extends DomainException {

  public InvalidRequestException(String message) {
    super(message);
  }
}

package bank.complaints.common;

/** Something the caller named does not exist (or is not theirs to see). */
public non-sealed class NotFoundException extends DomainException {

  public NotFoundException(String message) {
    super(message);
  }
}

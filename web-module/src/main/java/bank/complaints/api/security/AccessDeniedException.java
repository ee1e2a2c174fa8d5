package bank.complaints.api.security;

/** R-S1: the caller's roles or scope do not allow this call; answered 403 and audited. */
public class AccessDeniedException extends RuntimeException {

  public AccessDeniedException(String message) {
    super(message);
  }
}

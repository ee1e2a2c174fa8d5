package bank.complaints.api.security;

/** No valid bearer token: answered 401 with a {@code WWW-Authenticate: Bearer} challenge. */
public class UnauthenticatedException extends RuntimeException {

  public UnauthenticatedException(String message) {
    super(message);
  }
}

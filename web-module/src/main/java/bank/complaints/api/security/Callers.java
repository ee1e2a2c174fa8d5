package bank.complaints.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the request's {@link Caller}. Issue 18: a bean Weld constructs itself is handed to Payara's
 * resource injection on every creation (it looks for interceptors and resource annotations on the
 * class, each time), about 2 % of the server's CPU per request for a bean with nothing to inject; a
 * produced instance is not.
 */
@ApplicationScoped
class Callers {

  @Produces
  @RequestScoped
  Caller caller() {
    return new Caller();
  }
}

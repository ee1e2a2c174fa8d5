package bank.complaints.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the request's {@link RequestTrace}. Issue 18: a bean Weld constructs itself is handed to
 * Payara's resource injection on every creation (it looks for interceptors and resource annotations
 * on the class, each time), a cost paid per request for a bean with nothing to inject; a produced
 * instance is not.
 */
@ApplicationScoped
class RequestTraces {

  @Produces
  @RequestScoped
  RequestTrace trace() {
    return new RequestTrace();
  }
}

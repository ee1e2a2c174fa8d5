package bank.complaints.api.problem;

import bank.complaints.platform.Failures;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is the server's fault: 500, logged at ERROR with the problem's instance, no stack
 * trace in the body. A failure that waiting cures (the database unreachable or restarting, the
 * connection pool with nothing to lend: {@link Failures}) is 503 with Retry-After, so that a
 * channel system retries with its Idempotency-Key instead of reporting an error to the customer.
 */
@Provider
public class UnexpectedProblems implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedProblems.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    return problemFor(e);
  }

  /** Seconds a client waits before it retries a request the server could not serve now. */
  static final int RETRY_AFTER_SECONDS = 5;

  static Response problemFor(Throwable e) {
    if (Failures.isTransient(e)) {
      Problem unavailable =
          Problem.of(
              "service-unavailable",
              "Service unavailable",
              503,
              "A system the platform depends on is not answering. Retry after "
                  + RETRY_AFTER_SECONDS
                  + " s with the same Idempotency-Key: a retry never registers a complaint"
                  + " twice.");
      LOG.warning(() -> unavailable.instance() + " 503: " + Failures.rootCause(e));
      return Response.fromResponse(unavailable.toResponse())
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .build();
    }
    Problem problem =
        Problem.of(
            "internal-error",
            "Internal error",
            500,
            "The server could not handle the request; quote the instance when you report it.");
    LOG.log(Level.SEVERE, problem.instance(), e);
    return problem.toResponse();
  }
}

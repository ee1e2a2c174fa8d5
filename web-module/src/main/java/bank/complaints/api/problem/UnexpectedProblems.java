package bank.complaints.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is the server's fault: 500, logged at ERROR with the problem's instance, no stack
 * trace in the body.
 */
@Provider
public class UnexpectedProblems implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedProblems.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    return problemFor(e);
  }

  static Response problemFor(Throwable e) {
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

package bank.complaints.api.problem;

import bank.complaints.common.DomainException;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.NotFoundException;
import bank.complaints.common.RuleViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** The domain's refusals, each family to its status. */
@Provider
public class DomainProblems implements ExceptionMapper<DomainException> {

  private static final Logger LOG = Logger.getLogger(DomainProblems.class.getName());

  @Override
  public Response toResponse(DomainException e) {
    Problem problem;
    if (e instanceof NotFoundException) {
      problem = Problem.of("not-found", "Not found", 404, e.getMessage());
    } else if (e instanceof InvalidRequestException) {
      problem = Problem.of("invalid-request", "Unprocessable request", 422, e.getMessage());
    } else if (e instanceof RuleViolationException) {
      problem = Problem.of("rule-violation", "Not allowed now", 409, e.getMessage());
    } else {
      throw new IllegalStateException("unmapped domain exception " + e.getClass().getName(), e);
    }
    LOG.fine(() -> problem.instance() + " " + e.getMessage());
    return problem.toResponse();
  }
}

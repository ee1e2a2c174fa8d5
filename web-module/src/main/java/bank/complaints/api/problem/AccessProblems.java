package bank.complaints.api.problem;

import bank.complaints.api.security.AccessDeniedException;
import bank.complaints.audit.AuditLog;
import bank.complaints.audit.AuditRecorder;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** R-S1: a refused call is a 403 problem, and the attempt is on the audit log (R-S3). */
@Provider
public class AccessProblems implements ExceptionMapper<AccessDeniedException> {

  private static final Logger LOG = Logger.getLogger(AccessProblems.class.getName());

  @Inject AuditRecorder audit;

  @Context UriInfo uri;

  @Context Request request;

  @Override
  public Response toResponse(AccessDeniedException e) {
    // As received, still percent-encoded: a %0D%0A in the path stays four characters and never
    // starts a new line in the log or the audit entry (issue 19 item 7).
    String attempt = request.getMethod() + " /api/" + uri.getPath(false);
    audit.recordRefusal(AuditLog.ACCESS_DENIED, attempt, null, e.getMessage());
    Problem problem = Problem.of("forbidden", "Forbidden", 403, e.getMessage());
    LOG.info(() -> problem.instance() + " refused " + attempt + ": " + e.getMessage());
    return problem.toResponse();
  }
}

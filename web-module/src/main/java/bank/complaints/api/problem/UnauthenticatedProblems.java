package bank.complaints.api.problem;

import bank.complaints.api.security.UnauthenticatedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** R-S1: a call without a valid bearer token is a 401 problem with the Bearer challenge. */
@Provider
public class UnauthenticatedProblems implements ExceptionMapper<UnauthenticatedException> {

  @Override
  public Response toResponse(UnauthenticatedException e) {
    return Response.fromResponse(
            Problem.of("unauthenticated", "Unauthorized", 401, e.getMessage()).toResponse())
        .header("WWW-Authenticate", "Bearer realm=\"complaints\"")
        .build();
  }
}

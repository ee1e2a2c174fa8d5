package bank.complaints.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What JAX-RS itself refuses (unknown path 404, wrong method 405, not JSON 415, …), as problems.
 */
@Provider
public class HttpProblems implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = Logger.getLogger(HttpProblems.class.getName());

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    Response.StatusType type = original.getStatusInfo();
    String reason = type.getReasonPhrase() == null ? "HTTP " + status : type.getReasonPhrase();
    String detail =
        status >= 500 ? "The server could not handle the request." : describe(e, reason);
    Problem problem = Problem.of("http-" + status, reason, status, detail);
    LOG.log(status >= 500 ? Level.SEVERE : Level.FINE, problem.instance(), e);
    Response.ResponseBuilder response =
        Response.fromResponse(original).type(Problem.MEDIA_TYPE).entity(problem);
    return response.build();
  }

  /**
   * The cause of a malformed body says what was wrong (e.g. an unknown channel) without internals.
   */
  private static String describe(WebApplicationException e, String reason) {
    Throwable cause = e.getCause();
    while (cause != null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause != null && cause.getMessage() != null) {
      return reason + ": " + firstLine(cause.getMessage());
    }
    // An exception raised with its own explanation (not JAX-RS' default "HTTP 400 Bad Request").
    String message = e.getMessage();
    return message != null && !message.startsWith("HTTP ") ? firstLine(message) : reason;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}

package bank.complaints.api.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A body that is not the JSON it should be (malformed, wrong types, unknown enum values): 400.
 * JSON-B reports these as a {@link ProcessingException} wrapping a {@link JsonbException}.
 */
@Provider
public class BodyProblems implements ExceptionMapper<ProcessingException> {

  private static final Logger LOG = Logger.getLogger(BodyProblems.class.getName());

  @Override
  public Response toResponse(ProcessingException e) {
    if (!isBodyError(e)) {
      return UnexpectedProblems.problemFor(e);
    }
    Problem problem = Problem.of("malformed-body", "Malformed request body", 400, reason(e));
    LOG.log(Level.FINE, problem.instance(), e);
    return problem.toResponse();
  }

  private static boolean isBodyError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonParsingException) {
        return true;
      }
    }
    return false;
  }

  private static String reason(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    if (message == null) {
      return "The body is not valid JSON for this request.";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}

package bank.complaints.api.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.logging.Logger;

/** Bean Validation failures on a request: 400 with one entry per invalid field. */
@Provider
public class ValidationProblems implements ExceptionMapper<ConstraintViolationException> {

  private static final Logger LOG = Logger.getLogger(ValidationProblems.class.getName());

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    Problem problem =
        Problem.of(
            "invalid-request",
            "Invalid request",
            400,
            errors.size() + " field(s) are invalid.",
            errors);
    LOG.fine(() -> problem.instance() + " " + errors);
    return problem.toResponse();
  }

  /** The JSON path of the field, without the method and parameter nodes. */
  private static String field(ConstraintViolation<?> violation) {
    StringJoiner path = new StringJoiner(".");
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY
          || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        path.add(node.getName());
      }
    }
    return path.length() == 0 ? "body" : path.toString();
  }
}

package bank.complaints.api.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * An RFC 9457 problem document. {@code instance} is a fresh URN that is also logged, so an operator
 * finds the log line for any error a caller reports; {@code errors} lists field-level validation
 * failures.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPES = "https://complaints.bank/problems/";

  /**
   * One invalid field: where it is (a JSON path such as {@code customer.mobile}) and what is wrong.
   */
  public record FieldError(String field, String message) {}

  public static Problem of(
      String slug, String title, int status, String detail, List<FieldError> errors) {
    return new Problem(
        TYPES + slug,
        title,
        status,
        detail,
        "urn:uuid:" + UUID.randomUUID(),
        errors == null || errors.isEmpty() ? null : errors);
  }

  public static Problem of(String slug, String title, int status, String detail) {
    return of(slug, title, status, detail, null);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}

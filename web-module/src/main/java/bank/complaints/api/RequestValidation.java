package bank.complaints.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import java.util.Set;

/**
 * Validates request bodies. Resources call it explicitly instead of annotating their parameters
 * with {@code @Valid}, which Payara 6.2025.9's OpenAPI scanner cannot digest (payara/Payara#7649).
 */
@ApplicationScoped
public class RequestValidation {

  @Inject Validator validator;

  public <T> T valid(T body) {
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }
}

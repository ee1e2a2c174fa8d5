package bank.complaints.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a resource method (R-S1). A method without it is refused to everyone:
 * access is never granted by omission.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {
  Role[] value() default {};

  /** Shared role lists, added to {@link #value()}. */
  RoleGroup[] groups() default {};
}

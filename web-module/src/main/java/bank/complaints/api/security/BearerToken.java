package bank.complaints.api.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A bearer token that passed {@link TokenVerifier}: the caller's name (its {@code upn}, else {@code
 * preferred_username}, else {@code sub}), its {@code groups}, its claims, and until when it is
 * accepted (its {@code exp}, and {@code iat} plus the configured token age, with the clock skew).
 */
public record BearerToken(
    String name, Set<String> groups, Map<String, Object> claims, long acceptedUntilMillis) {

  public BearerToken {
    groups = Set.copyOf(groups);
    claims = Map.copyOf(claims);
  }

  /** A claim as text, when the token carries it as a string or a number. */
  public Optional<String> claim(String claim) {
    Object value = claims.get(claim);
    return value instanceof String || value instanceof Number
        ? Optional.of(value.toString())
        : Optional.empty();
  }
}

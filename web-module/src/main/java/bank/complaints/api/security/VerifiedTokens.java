package bank.complaints.api.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.Principal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Issue 18: a bearer token is verified once, not on every request. The first time a token is
 * presented, Payara's MicroProfile JWT identity store verifies it as ever (signature, issuer,
 * audience, expiry, age); a valid result is then remembered, keyed by the token's full text, for as
 * long as Payara would still accept that token (its {@code exp}, and {@code iat} plus {@code
 * mp.jwt.verify.token.age}, each with {@code mp.jwt.verify.clock.skew}), and never longer than
 * {@code complaints.security.verified-token-ttl} (five minutes, as long as Payara keeps the
 * verification key it fetched). A token presented later than that, changed in one character, or
 * never seen is verified by Payara's store; an invalid one is never remembered.
 *
 * <p>It sits before Payara's store (a lower priority number): the container's identity store
 * handler takes the first valid result.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(VerifiedTokens.class.getName());

  /** Tokens remembered at most; past it, the expired are dropped, then all if need be. */
  private static final int MOST = 20_000;

  @Inject
  @ConfigProperty(name = "complaints.security.verified-token-ttl", defaultValue = "PT5M")
  Duration ttl;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.token.age")
  Optional<Long> tokenAgeSeconds;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.clock.skew")
  Optional<Long> clockSkewSeconds;

  @Inject @Any Instance<IdentityStore> stores;

  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  /** Payara's store, which verifies. */
  private IdentityStore verifier;

  /**
   * The token of Payara's credential type (its {@code getSignedJWT()}), by the credential class.
   */
  private final Map<Class<?>, MethodHandle> tokenOf = new ConcurrentHashMap<>();

  private record Verified(CredentialValidationResult result, long untilMillis) {}

  @PostConstruct
  void findTheVerifier() {
    for (IdentityStore store : stores) {
      if (store.getClass().getName().contains("SignedJWTIdentityStore")) {
        verifier = store;
      }
    }
    if (verifier == null) {
      LOG.warning("No MicroProfile JWT identity store found: bearer tokens are verified as before");
    }
  }

  @Override
  public int priority() {
    return 10; // before Payara's store (100)
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return EnumSet.of(ValidationType.VALIDATE);
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    String token = verifier == null ? null : token(credential);
    if (token == null) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    long now = System.currentTimeMillis();
    Verified known = verified.get(token);
    if (known != null) {
      if (now < known.untilMillis()) {
        return known.result();
      }
      verified.remove(token, known);
    }
    CredentialValidationResult result = verifier.validate(credential);
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      long until = acceptedUntilMillis(result.getCallerPrincipal(), now);
      if (until > now) {
        if (verified.size() >= MOST) {
          verified.values().removeIf(v -> v.untilMillis() <= now);
          if (verified.size() >= MOST) {
            verified.clear();
          }
        }
        verified.put(token, new Verified(result, until));
      }
    }
    return result;
  }

  /** How long Payara would accept the token, bounded by the ttl. */
  private long acceptedUntilMillis(Principal principal, long now) {
    if (!(principal instanceof JsonWebToken jwt)) {
      return now; // not remembered
    }
    long skew = clockSkewSeconds.orElse(0L);
    long until = jwt.getExpirationTime() + skew;
    if (tokenAgeSeconds.isPresent()) {
      // accepted while (now - skew) - iat <= age
      until = Math.min(until, jwt.getIssuedAtTime() + tokenAgeSeconds.get() + skew);
    }
    return Math.min(until * 1000, now + ttl.toMillis());
  }

  /** The bearer token a credential carries, or null for a credential of another kind. */
  private String token(Credential credential) {
    if (credential == null || !credential.getClass().getName().endsWith("SignedJWTCredential")) {
      return null;
    }
    try {
      Object token =
          tokenOf
              .computeIfAbsent(
                  credential.getClass(),
                  type -> {
                    try {
                      return MethodHandles.publicLookup()
                          .findVirtual(type, "getSignedJWT", MethodType.methodType(String.class));
                    } catch (ReflectiveOperationException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .invoke(credential);
      return (String) token;
    } catch (Throwable e) {
      LOG.warning(() -> "Bearer token not readable from " + credential.getClass() + ": " + e);
      return null;
    }
  }
}

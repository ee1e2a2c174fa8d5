package bank.complaints.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * R-S1: the bearer tokens this API accepts (ADR 0008). Configured with MicroProfile JWT's own
 * properties ({@code mp.jwt.verify.issuer}, {@code .audiences}, {@code .token.age}, {@code
 * .clock.skew}, {@code .publickey} or {@code .publickey.location}, {@code .publickey.algorithm}),
 * verified by {@link TokenVerifier}. Issue 18: a token is verified once; an accepted one is then
 * remembered, keyed by its full text, while it would still be accepted (its {@code exp}, {@code
 * iat} plus the token age, with the skew) and never longer than {@code
 * complaints.security.verified-token-ttl} (five minutes, as long as a key read from a location is
 * kept). A token changed in one character, or refused, is verified (again) every time.
 */
@ApplicationScoped
public class BearerTokens {

  private static final Logger LOG = Logger.getLogger(BearerTokens.class.getName());

  /** Tokens remembered at most; past it, the expired are dropped, then all if need be. */
  private static final int MOST = 20_000;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<String> audiences;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.token.age")
  Optional<Long> tokenAgeSeconds;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "0")
  long clockSkewSeconds;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey")
  Optional<String> publicKey;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  Optional<String> publicKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm", defaultValue = "RS256")
  String algorithm;

  @Inject
  @ConfigProperty(name = "complaints.security.verified-token-ttl", defaultValue = "PT5M")
  Duration ttl;

  private final Map<String, BearerToken> accepted = new ConcurrentHashMap<>();

  /** Null when the configuration is not usable: then every token is refused (and it is logged). */
  private TokenVerifier verifier;

  @PostConstruct
  void configure() {
    try {
      TokenVerifier.Settings settings =
          new TokenVerifier.Settings(
              issuer.orElse(null),
              audiences.map(BearerTokens::names),
              tokenAgeSeconds.map(OptionalLong::of).orElse(OptionalLong.empty()),
              clockSkewSeconds,
              JWSAlgorithm.parse(algorithm.strip()));
      verifier = new TokenVerifier(settings, keys(), Clock.systemUTC());
    } catch (RuntimeException e) {
      LOG.severe(
          "Bearer tokens cannot be verified, every call is refused (401): " + e.getMessage());
    }
  }

  /** A comma-separated list (Payara's config does not inject an optional list). */
  private static Set<String> names(String list) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toSet());
  }

  /** The key text, else its location (MicroProfile JWT says not to set both: logged). */
  private VerificationKeys keys() {
    if (publicKey.filter(text -> !text.isBlank()).isPresent()) {
      publicKeyLocation.ifPresent(
          location ->
              LOG.warning(
                  "mp.jwt.verify.publickey and mp.jwt.verify.publickey.location are both set:"
                      + " the key text is used, not "
                      + location));
      return VerificationKeys.of(publicKey.get());
    }
    return VerificationKeys.at(
        publicKeyLocation.orElseThrow(
            () ->
                new IllegalStateException(
                    "neither mp.jwt.verify.publickey nor mp.jwt.verify.publickey.location is set")),
        ttl,
        Thread.currentThread().getContextClassLoader(),
        Clock.systemUTC());
  }

  /** The caller a bearer token names, or an {@link UnauthenticatedException} saying why not. */
  public BearerToken verify(String token) {
    long now = System.currentTimeMillis();
    BearerToken known = accepted.get(token);
    if (known != null) {
      if (now <= known.acceptedUntilMillis()) {
        return known;
      }
      accepted.remove(token, known);
    }
    if (verifier == null) {
      throw new UnauthenticatedException(
          "Bearer tokens cannot be verified: the identity provider's configuration is not usable.");
    }
    BearerToken verified = verifier.verify(token);
    remember(token, verified, now);
    return verified;
  }

  private void remember(String token, BearerToken verified, long now) {
    long until = Math.min(verified.acceptedUntilMillis(), now + ttl.toMillis());
    if (accepted.size() >= MOST) {
      accepted.values().removeIf(v -> v.acceptedUntilMillis() < now);
      if (accepted.size() >= MOST) {
        accepted.clear();
      }
    }
    accepted.put(
        token, new BearerToken(verified.name(), verified.groups(), verified.claims(), until));
  }
}

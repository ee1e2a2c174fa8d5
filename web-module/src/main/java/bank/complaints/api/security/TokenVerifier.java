package bank.complaints.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * R-S1: verifies a bearer token as MicroProfile JWT 2.1 defines it: a JWS signed with the
 * configured algorithm by one of the identity provider's keys, from the configured issuer ({@code
 * iss}), naming this API in {@code aud} when audiences are configured, not expired ({@code exp}),
 * issued ({@code iat}) no longer ago than the configured token age, not before its {@code nbf};
 * times compared allowing the configured clock skew. Plain logic, no container: {@link
 * BearerTokens} gives it the configuration and remembers what it accepted.
 */
final class TokenVerifier {

  /** Longer than any token an identity provider issues for an API; refused before parsing. */
  static final int LONGEST = 16 * 1024;

  /** What MicroProfile JWT's {@code mp.jwt.verify.*} properties configure. */
  record Settings(
      String issuer,
      Optional<Set<String>> audiences,
      OptionalLong tokenAgeSeconds,
      long clockSkewSeconds,
      JWSAlgorithm algorithm) {

    Settings {
      if (issuer == null || issuer.isBlank()) {
        throw new IllegalArgumentException("mp.jwt.verify.issuer is not set");
      }
      if (!JWSAlgorithm.RS256.equals(algorithm) && !JWSAlgorithm.ES256.equals(algorithm)) {
        throw new IllegalArgumentException(
            "mp.jwt.verify.publickey.algorithm is RS256 or ES256, not " + algorithm);
      }
      audiences = audiences.map(Set::copyOf).filter(set -> !set.isEmpty());
    }
  }

  private final Settings settings;
  private final VerificationKeys keys;
  private final Clock clock;

  TokenVerifier(Settings settings, VerificationKeys keys, Clock clock) {
    this.settings = settings;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * The token's caller, or an {@link UnauthenticatedException} saying what is wrong with it (the
   * caller's own token: telling it why it was refused helps and reveals nothing).
   */
  BearerToken verify(String compact) {
    if (compact.length() > LONGEST) {
      throw refused("is longer than " + LONGEST + " characters");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(compact);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw refused("is not a signed JWT");
    }
    JWSHeader header = jwt.getHeader();
    if (!settings.algorithm().equals(header.getAlgorithm())) {
      // neither the header's alg nor its typ is echoed: the caller's text stays out of the answer
      throw refused("is not signed with " + settings.algorithm());
    }
    if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType())) {
      throw refused("is not of type JWT");
    }
    if (!signedByTheProvider(jwt)) {
      throw refused("is not signed by the identity provider's key");
    }
    return caller(claims);
  }

  private boolean signedByTheProvider(SignedJWT jwt) {
    for (JWSVerifier verifier : keys.verifiers(settings.algorithm(), jwt.getHeader().getKeyID())) {
      try {
        if (jwt.verify(verifier)) {
          return true;
        }
      } catch (JOSEException | IllegalStateException e) {
        // a key that cannot verify this token: try the next
      }
    }
    return false;
  }

  private BearerToken caller(JWTClaimsSet claims) {
    long now = clock.millis() / 1000;
    long skew = settings.clockSkewSeconds();
    if (!settings.issuer().equals(claims.getIssuer())) {
      throw refused("is not from the issuer " + settings.issuer());
    }
    if (settings.audiences().isPresent()
        && (claims.getAudience() == null
            || claims.getAudience().stream().noneMatch(settings.audiences().get()::contains))) {
      throw refused("is not issued for this API (aud)");
    }
    Long expires = seconds(claims.getExpirationTime());
    if (expires == null) {
      throw refused("has no expiry (exp)");
    }
    if (now > expires + skew) {
      throw refused("has expired");
    }
    Long issued = seconds(claims.getIssueTime());
    if (issued == null) {
      throw refused("has no issue time (iat)");
    }
    long until = expires + skew;
    if (settings.tokenAgeSeconds().isPresent()) {
      long oldest = issued + settings.tokenAgeSeconds().getAsLong() + skew;
      if (now > oldest) {
        throw refused("was issued too long ago (iat)");
      }
      until = Math.min(until, oldest);
    }
    Long notBefore = seconds(claims.getNotBeforeTime());
    if (notBefore != null && now + skew < notBefore) {
      throw refused("is not valid yet (nbf)");
    }
    String name =
        Stream.of("upn", "preferred_username", "sub")
            .map(claim -> text(claims, claim))
            .filter(text -> text != null && !text.isBlank())
            .findFirst()
            .orElseThrow(() -> refused("names no one (upn, preferred_username or sub)"));
    return new BearerToken(name, groups(claims), present(claims), (until + 1) * 1000 - 1);
  }

  private static Long seconds(Date date) {
    return date == null ? null : date.getTime() / 1000;
  }

  private static String text(JWTClaimsSet claims, String claim) {
    try {
      return claims.getStringClaim(claim);
    } catch (ParseException e) {
      throw refused("has a " + claim + " claim that is not text");
    }
  }

  private static Set<String> groups(JWTClaimsSet claims) {
    try {
      List<String> groups = claims.getStringListClaim("groups");
      return groups == null ? Set.of() : new LinkedHashSet<>(groups);
    } catch (ParseException e) {
      throw refused("has a groups claim that is not a list of names");
    }
  }

  /** The claims without nulls (JSON null is no claim), as Map.copyOf takes them. */
  private static Map<String, Object> present(JWTClaimsSet claims) {
    Map<String, Object> present = new HashMap<>();
    claims
        .getClaims()
        .forEach(
            (name, value) -> {
              if (value != null) {
                present.put(name, value);
              }
            });
    return present;
  }

  private static UnauthenticatedException refused(String why) {
    return new UnauthenticatedException("The bearer token " + why + ".");
  }
}

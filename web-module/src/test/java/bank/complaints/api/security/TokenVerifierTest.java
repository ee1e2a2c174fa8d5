package bank.complaints.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-S1: which bearer tokens the API accepts, as MicroProfile JWT's {@code mp.jwt.verify.*}
 * properties configure them, proved against real signatures (the system test {@code AccessIT}
 * proves the same through the API).
 */
class TokenVerifierTest {

  private static final long NOW = 1_790_000_000L;
  private static final KeyPair PROVIDER = rsa();
  private static final KeyPair ANOTHER = rsa();

  private final MovableClock clock = new MovableClock(Instant.ofEpochSecond(NOW));

  private final TokenVerifier verifier =
      new TokenVerifier(
          new TokenVerifier.Settings(
              "https://idp.bank.example",
              Optional.of(Set.of("complaints")),
              OptionalLong.of(3600),
              60,
              JWSAlgorithm.RS256),
          VerificationKeys.of(pem(PROVIDER)),
          clock);

  @Test
  @DisplayName("R-S1 a token of the provider's, for this API, fresh: its name, groups and claims")
  void acceptsTheProvidersToken() {
    BearerToken token =
        verifier.verify(
            rs256(
                PROVIDER,
                null,
                claims()
                    .claim("preferred_username", "not this")
                    .claim("channel", "MOBILE_APP")
                    .claim("employee_id", 42L)
                    .build()));
    assertEquals("channel-mobile", token.name());
    assertEquals(Set.of("channel", "handler"), token.groups());
    assertEquals(Optional.of("MOBILE_APP"), token.claim("channel"));
    assertEquals(Optional.of("42"), token.claim("employee_id"));
    assertEquals(Optional.empty(), token.claim("groups"));
    // accepted until the earlier of exp (NOW + 600) and iat + age (NOW - 60 + 3600), with skew
    assertEquals((NOW + 600 + 60 + 1) * 1000 - 1, token.acceptedUntilMillis());
  }

  @Test
  @DisplayName("R-S1 the caller's name is its upn, else preferred_username, else sub; none: 401")
  void nameFromUpnThenPreferredUsernameThenSub() {
    assertEquals(
        "pu",
        verifier
            .verify(
                rs256(
                    PROVIDER, null, base().subject("s").claim("preferred_username", "pu").build()))
            .name());
    assertEquals("s", verifier.verify(rs256(PROVIDER, null, base().subject("s").build())).name());
    refused("names no one", rs256(PROVIDER, null, base().build()));
  }

  @Test
  @DisplayName(
      "R-S1 refused (401): another issuer, another audience or none, expired, too old, not yet"
          + " valid, no exp, no iat, a groups claim that is no list")
  void refusesTokensWhoseClaimsAreNotAccepted() {
    refused("issuer", rs256(PROVIDER, null, claims().issuer("https://evil.example").build()));
    refused("for this API", rs256(PROVIDER, null, claims().audience("crm").build()));
    refused("for this API", rs256(PROVIDER, null, claims().audience((String) null).build()));
    refused("expired", rs256(PROVIDER, null, claims().expirationTime(at(NOW - 61)).build()));
    refused("too long ago", rs256(PROVIDER, null, claims().issueTime(at(NOW - 3661)).build()));
    refused("not valid yet", rs256(PROVIDER, null, claims().notBeforeTime(at(NOW + 61)).build()));
    refused("no expiry", rs256(PROVIDER, null, claims().expirationTime(null).build()));
    refused("no issue time", rs256(PROVIDER, null, claims().issueTime(null).build()));
    refused("groups", rs256(PROVIDER, null, claims().claim("groups", "channel").build()));
    // within the minute's skew, each of those times is still accepted
    verifier.verify(
        rs256(
            PROVIDER,
            null,
            claims()
                .expirationTime(at(NOW - 59))
                .issueTime(at(NOW - 3659))
                .notBeforeTime(at(NOW + 59))
                .build()));
    // a token for several audiences, this API among them
    verifier.verify(rs256(PROVIDER, null, claims().audience(List.of("crm", "complaints")).build()));
  }

  @Test
  @DisplayName(
      "R-S1 refused (401): signed by another key, changed after signing, unsigned (alg none),"
          + " signed with the public key as an HMAC secret, of another type, not a JWT, too long")
  void refusesTokensNotSignedByTheProvider() throws Exception {
    refused("not signed by", rs256(ANOTHER, null, claims().build()));
    String token = rs256(PROVIDER, null, claims().build());
    String[] parts = token.split("\\.");
    String changed =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    claims()
                        .claim("groups", List.of("administrator"))
                        .build()
                        .toString()
                        .getBytes())
            + "."
            + parts[2];
    refused("not signed by", changed);
    refused("not a signed JWT", new PlainJWT(claims().build()).serialize());
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    hmac.sign(new MACSigner(PROVIDER.getPublic().getEncoded()));
    refused("not signed with RS256", hmac.serialize());
    SignedJWT typed =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).build(),
            claims().build());
    typed.sign(new RSASSASigner(PROVIDER.getPrivate()));
    refused("not of type JWT", typed.serialize());
    refused("not a signed JWT", "Bearer");
    refused("longer than", "x".repeat(TokenVerifier.LONGEST + 1));
  }

  @Test
  @DisplayName(
      "R-S1 keys from a JWK set at a location: chosen by kid; a key the provider rotated in is read"
          + " when a token names it (at most once a minute); a removed key is refused after the ttl")
  void keysAtALocationFollowTheProvidersRotation(@TempDir Path dir) throws Exception {
    Path jwks = dir.resolve("jwks.json");
    write(jwks, jwk(PROVIDER, "k1"));
    TokenVerifier rotating =
        new TokenVerifier(
            new TokenVerifier.Settings(
                "https://idp.bank.example",
                Optional.empty(),
                OptionalLong.empty(),
                0,
                JWSAlgorithm.RS256),
            VerificationKeys.at(
                jwks.toUri().toString(), Duration.ofMinutes(5), getClass().getClassLoader(), clock),
            clock);
    String first = rs256(PROVIDER, "k1", claims().build());
    rotating.verify(first);
    // the provider adds k2 and signs with it: read again, since no key has that id
    write(jwks, jwk(PROVIDER, "k1"), jwk(ANOTHER, "k2"));
    clock.move(Duration.ofSeconds(61));
    rotating.verify(rs256(ANOTHER, "k2", claims().issueTime(at(NOW + 61)).build()));
    // an unknown kid does not read the location again within the minute
    refused(rotating, "not signed by", rs256(ANOTHER, "k3", claims().build()));
    // the provider drops k1: still known until the ttl passes, refused after it
    write(jwks, jwk(ANOTHER, "k2"));
    rotating.verify(rs256(PROVIDER, "k1", claims().build()));
    clock.move(Duration.ofMinutes(5));
    refused(rotating, "not signed by", rs256(PROVIDER, "k1", claims().build()));
  }

  @Test
  @DisplayName("R-S1 an ES256 provider: its PEM key verifies its tokens, an RS256 token is refused")
  void es256() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ec = generator.generateKeyPair();
    TokenVerifier es =
        new TokenVerifier(
            new TokenVerifier.Settings(
                "https://idp.bank.example",
                Optional.empty(),
                OptionalLong.empty(),
                0,
                JWSAlgorithm.ES256),
            VerificationKeys.of(pem(ec)),
            clock);
    SignedJWT signed = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims().build());
    signed.sign(new ECDSASigner((ECPrivateKey) ec.getPrivate()));
    assertEquals("channel-mobile", es.verify(signed.serialize()).name());
    refused(es, "not signed with ES256", rs256(PROVIDER, null, claims().build()));
  }

  @Test
  @DisplayName("R-S1 a configuration without an issuer, or with another algorithm, is refused")
  void settingsAreChecked() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TokenVerifier.Settings(
                " ", Optional.empty(), OptionalLong.empty(), 0, JWSAlgorithm.RS256));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TokenVerifier.Settings(
                "i", Optional.empty(), OptionalLong.empty(), 0, JWSAlgorithm.HS256));
    assertThrows(IllegalStateException.class, () -> VerificationKeys.of("not a key"));
  }

  private void refused(String why, String token) {
    refused(verifier, why, token);
  }

  private static void refused(TokenVerifier verifier, String why, String token) {
    UnauthenticatedException e =
        assertThrows(UnauthenticatedException.class, () -> verifier.verify(token));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  private static JWTClaimsSet.Builder base() {
    return new JWTClaimsSet.Builder()
        .issuer("https://idp.bank.example")
        .audience("complaints")
        .issueTime(at(NOW - 60))
        .expirationTime(at(NOW + 600));
  }

  private static JWTClaimsSet.Builder claims() {
    return base()
        .subject("c-1")
        .claim("upn", "channel-mobile")
        .claim("groups", List.of("channel", "handler"));
  }

  private static Date at(long seconds) {
    return new Date(seconds * 1000);
  }

  private static String rs256(KeyPair key, String kid, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
      JWSSigner signer = new RSASSASigner(key.getPrivate());
      jwt.sign(signer);
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(KeyPair key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static RSAKey jwk(KeyPair key, String kid) {
    return new RSAKey.Builder((RSAPublicKey) key.getPublic()).keyID(kid).build();
  }

  private static void write(Path file, RSAKey... keys) throws Exception {
    Files.writeString(file, new JWKSet(List.of(keys)).toString());
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public long millis() {
      return now.toEpochMilli();
    }
  }
}

package bank.complaints.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * R-S1: the identity provider's public keys, as MicroProfile JWT configures them: the key text
 * itself ({@code mp.jwt.verify.publickey}: PEM, a JWK or a JWK set), or where to read it ({@code
 * mp.jwt.verify.publickey.location}: an http(s) or file URL, a resource on the class path, or a
 * file path; PEM or JWK set). Read keys are kept for {@code ttl} and read again after it, and
 * sooner (at most once a minute) when a token names a key id the set does not have, so that a key
 * the provider rotated in is found. When a reading fails, the keys read before stay in use and it
 * is tried again a minute later; with none, every token is refused.
 */
final class VerificationKeys {

  private static final Logger LOG = Logger.getLogger(VerificationKeys.class.getName());

  /** The least time between two readings of the location. */
  private static final Duration RETRY = Duration.ofMinutes(1);

  private record Key(String id, JWSVerifier verifier, boolean rsa) {}

  private final Supplier<String> source;
  private final boolean fixed;
  private final String described;
  private final Duration ttl;
  private final Clock clock;

  private volatile List<Key> keys = List.of();
  private volatile long readAtMillis = Long.MIN_VALUE / 2;
  private volatile long triedAtMillis = Long.MIN_VALUE / 2;

  private VerificationKeys(
      Supplier<String> source, boolean fixed, String described, Duration ttl, Clock clock) {
    this.source = source;
    this.fixed = fixed;
    this.described = described;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The key text itself: read once. */
  static VerificationKeys of(String text) {
    VerificationKeys keys =
        new VerificationKeys(
            () -> text, true, "mp.jwt.verify.publickey", Duration.ZERO, Clock.systemUTC());
    keys.keys = parse(text);
    return keys;
  }

  /** The keys at a location, read again after {@code ttl}. */
  static VerificationKeys at(String location, Duration ttl, ClassLoader loader, Clock clock) {
    return new VerificationKeys(() -> read(location, loader), false, location, ttl, clock);
  }

  /** The verifiers a token signed with {@code algorithm} under key id {@code kid} may need. */
  List<JWSVerifier> verifiers(JWSAlgorithm algorithm, String kid) {
    long now = clock.millis();
    if (!fixed && now - readAtMillis >= ttl.toMillis() && mayTry(now)) {
      reload(now);
    }
    List<JWSVerifier> matching = matching(algorithm, kid);
    if (matching.isEmpty() && kid != null && !fixed && mayTry(now)) {
      reload(now);
      matching = matching(algorithm, kid);
    }
    return matching;
  }

  private List<JWSVerifier> matching(JWSAlgorithm algorithm, String kid) {
    boolean rsa = JWSAlgorithm.Family.RSA.contains(algorithm);
    List<JWSVerifier> matching = new ArrayList<>(1);
    for (Key key : keys) {
      if (key.rsa() == rsa && (kid == null || key.id() == null || kid.equals(key.id()))) {
        matching.add(key.verifier());
      }
    }
    return matching;
  }

  private boolean mayTry(long now) {
    return now - triedAtMillis >= RETRY.toMillis();
  }

  private synchronized void reload(long now) {
    if (!mayTry(now)) {
      return; // another thread has just read them
    }
    triedAtMillis = now;
    try {
      keys = parse(source.get());
      readAtMillis = now;
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "The identity provider's keys could not be read from "
                  + described
                  + " ("
                  + e.getMessage()
                  + "); "
                  + (keys.isEmpty() ? "bearer tokens are refused" : "the keys read before are used")
                  + " until they are.");
    }
  }

  private static String read(String location, ClassLoader loader) {
    try {
      if (location.matches("(?i)(https?|file):.*")) {
        return new DefaultResourceRetriever(5_000, 5_000, 1024 * 1024)
            .retrieveResource(new URL(location))
            .getContent();
      }
      String resource = location.startsWith("classpath:") ? location.substring(10) : location;
      try (InputStream in = loader.getResourceAsStream(resource.replaceFirst("^/", ""))) {
        if (in != null) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return Files.readString(Path.of(location));
    } catch (IOException e) {
      throw new IllegalStateException(e.toString(), e);
    }
  }

  /** PEM public keys, a JWK or a JWK set; keys for encryption only are left out. */
  private static List<Key> parse(String text) {
    Objects.requireNonNull(text, "no key text");
    String trimmed = text.strip();
    List<Key> keys = new ArrayList<>();
    try {
      if (trimmed.startsWith("{")) {
        List<JWK> jwks =
            trimmed.contains("\"keys\"")
                ? JWKSet.parse(trimmed).getKeys()
                : List.of(JWK.parse(trimmed));
        for (JWK jwk : jwks) {
          if (KeyUse.ENCRYPTION.equals(jwk.getKeyUse())) {
            continue;
          }
          if (jwk instanceof RSAKey rsa) {
            keys.add(new Key(jwk.getKeyID(), new RSASSAVerifier(rsa.toRSAPublicKey()), true));
          } else if (jwk instanceof ECKey ec) {
            keys.add(new Key(jwk.getKeyID(), new ECDSAVerifier(ec.toECPublicKey()), false));
          }
        }
      } else {
        for (String block : trimmed.split("-----END [A-Z ]+-----")) {
          String base64 = block.replaceAll("-----BEGIN [A-Z ]+-----", "").replaceAll("\\s", "");
          if (!base64.isEmpty()) {
            keys.add(pem(Base64.getDecoder().decode(base64)));
          }
        }
      }
    } catch (ParseException
        | JOSEException
        | GeneralSecurityException
        | IllegalArgumentException e) {
      throw new IllegalStateException("not a PEM public key, JWK or JWK set: " + e.getMessage(), e);
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException("no signature verification key in it");
    }
    return List.copyOf(keys);
  }

  private static Key pem(byte[] der) throws GeneralSecurityException {
    X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
    PublicKey key;
    try {
      key = KeyFactory.getInstance("RSA").generatePublic(spec);
    } catch (GeneralSecurityException notRsa) {
      key = KeyFactory.getInstance("EC").generatePublic(spec);
    }
    if (key instanceof RSAPublicKey rsa) {
      return new Key(null, new RSASSAVerifier(rsa), true);
    }
    try {
      return new Key(null, new ECDSAVerifier((ECPublicKey) key), false);
    } catch (JOSEException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }
}

package bank.complaints.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bearer tokens signed with the runtime's local key pair (scripts/runtime.sh keys), as the bank's
 * identity provider would issue them: groups name the roles; channel systems carry a channel claim,
 * department staff a department claim.
 */
final class Tokens {

  static final List<String> ALL_ROLES =
      List.of(
          "channel",
          "handler",
          "supervisor",
          "department-head",
          "branch-vice-president",
          "head-office-risk",
          "head-office-legal",
          "executive",
          "manager",
          "administrator");

  /** What most system tests act as: every role, bank-wide (the department claim is CSC). */
  static final String EVERY_ROLE = mint("system-test", ALL_ROLES, null, "CSC", 3600);

  private static PrivateKey key;

  private Tokens() {}

  static String role(String role) {
    return mint("test-" + role, List.of(role), null, null, 3600);
  }

  static String channel(String channel) {
    return mint("channel-" + channel, List.of("channel"), channel, null, 3600);
  }

  static String staff(String role, String department) {
    return mint(role + "-" + department, List.of(role), null, department, 3600);
  }

  static String mint(
      String name, List<String> groups, String channel, String department, long seconds) {
    long now = Instant.now().getEpochSecond();
    StringBuilder claims = new StringBuilder();
    claims
        .append("{\"iss\":\"complaints-local\",\"sub\":\"")
        .append(name)
        .append("\",\"upn\":\"")
        .append(name)
        .append("\",\"groups\":[")
        .append(groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")))
        .append("],\"iat\":")
        .append(now)
        .append(",\"exp\":")
        .append(now + seconds)
        .append(",\"jti\":\"")
        .append(UUID.randomUUID())
        .append('"');
    if (channel != null) {
      claims.append(",\"channel\":\"").append(channel).append('"');
    }
    if (department != null) {
      claims.append(",\"department\":\"").append(department).append('"');
    }
    claims.append('}');
    String signed =
        base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key());
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + base64Url(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static synchronized PrivateKey key() {
    if (key == null) {
      Path pem = Runtime.dir().resolve("keys/jwt-private.pem");
      try {
        String text =
            Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        key =
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
      } catch (Exception e) {
        throw new IllegalStateException("cannot read the local signing key " + pem, e);
      }
    }
    return key;
  }
}

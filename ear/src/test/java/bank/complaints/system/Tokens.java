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
  static final String EVERY_ROLE = person("system-test", ALL_ROLES, "CSC", "E00000", null);

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
    return mint(name, groups, channel, department, now, now + seconds, "\"complaints\"");
  }

  /**
   * A member of staff as the bank's identity provider describes them (R-F4, R-P2): the person's
   * employee id and, if given, unit in the token, which is what the case records of who acted.
   */
  static String person(
      String name, List<String> groups, String department, String employeeId, String unit) {
    long now = Instant.now().getEpochSecond();
    StringBuilder extra = new StringBuilder(",\"employee_id\":\"").append(employeeId).append('"');
    if (unit != null) {
      extra.append(",\"unit\":\"").append(unit).append('"');
    }
    return mint(
        name, groups, null, department, now, now + 3600, "\"complaints\"", extra.toString());
  }

  /** An approver deciding as {@code role} (DEPARTMENT_HEAD …), a person of their own. */
  static String approver(String role, String employeeId, String unit) {
    return approver(role, employeeId, unit, "CSC");
  }

  /** ... a department head of {@code department} (the other roles are bank-wide). */
  static String approver(String role, String employeeId, String unit, String department) {
    String group = role.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return person(
        "审批人 " + employeeId,
        List.of(group),
        group.equals("department-head") ? department : null,
        employeeId,
        unit);
  }

  /**
   * A token as an identity provider issues it: {@code audience} is the aud claim's JSON ({@code
   * "complaints"}, {@code ["crm","complaints"]}), or null for none.
   */
  static String mint(
      String name,
      List<String> groups,
      String channel,
      String department,
      long issuedAt,
      long expiresAt,
      String audience) {
    return mint(name, groups, channel, department, issuedAt, expiresAt, audience, "");
  }

  /** ... with {@code extraClaims}: JSON members to add, each starting with a comma. */
  private static String mint(
      String name,
      List<String> groups,
      String channel,
      String department,
      long issuedAt,
      long expiresAt,
      String audience,
      String extraClaims) {
    StringBuilder claims = new StringBuilder();
    claims.append("{\"iss\":\"complaints-local\",");
    if (audience != null) {
      claims.append("\"aud\":").append(audience).append(',');
    }
    claims
        .append("\"sub\":\"")
        .append(name)
        .append("\",\"upn\":\"")
        .append(name)
        .append("\",\"groups\":[")
        .append(groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")))
        .append("],\"iat\":")
        .append(issuedAt)
        .append(",\"exp\":")
        .append(expiresAt)
        .append(",\"jti\":\"")
        .append(UUID.randomUUID())
        .append('"');
    if (channel != null) {
      claims.append(",\"channel\":\"").append(channel).append('"');
    }
    if (department != null) {
      claims.append(",\"department\":\"").append(department).append('"');
    }
    claims.append(extraClaims).append('}');
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

package bank.complaints.api.security;

import bank.complaints.caseprocess.Approver;
import bank.complaints.complaint.CaseOwnership;
import bank.complaints.complaint.Channel;
import bank.complaints.department.DepartmentCode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The authenticated caller of this request (R-S1): the token's name, its roles, the channel or
 * department its scoped roles are bound to, and which of its roles the called endpoint grants.
 * Request-scoped, made by {@link Callers}.
 */
public class Caller {

  // compiled once: a caller is made on every request (issue 18)
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

  private String name;
  private String displayName;
  private String employeeId;
  private String unit;
  private Set<Role> roles = EnumSet.noneOf(Role.class);
  private Channel channel;
  private DepartmentCode department;
  private Set<Role> granted = EnumSet.noneOf(Role.class);

  void authenticate(BearerToken token) {
    this.name = token.name();
    this.displayName = shown(token.claim("name").filter(n -> !n.isBlank()).orElse(name));
    this.employeeId = token.claim("employee_id").filter(Caller::isEmployeeId).orElse(null);
    this.unit = token.claim("unit").map(Caller::shown).filter(u -> !u.isBlank()).orElse(null);
    this.roles = EnumSet.noneOf(Role.class);
    token.groups().forEach(group -> Role.ofGroup(group).ifPresent(roles::add));
    this.channel = token.claim("channel").flatMap(Caller::channel).orElse(null);
    this.department = token.claim("department").flatMap(Caller::department).orElse(null);
  }

  private static Optional<Channel> channel(String text) {
    try {
      return Optional.of(Channel.valueOf(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<DepartmentCode> department(String text) {
    try {
      return Optional.of(new DepartmentCode(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public String name() {
    return name;
  }

  /** A name as the case records it: one line, at most 60 characters (the record holds 100). */
  private static String shown(String text) {
    String line = text == null ? "" : CONTROL.matcher(text).replaceAll(" ").strip();
    return line.length() <= 60 ? line : line.substring(0, 60);
  }

  private static boolean isEmployeeId(String text) {
    return EMPLOYEE_ID.matcher(text).matches();
  }

  /**
   * Who acts, as the case records it: the token's name claim (else its principal) and the employee
   * id the bank's identity provider puts in {@code employee_id}, never what a body says.
   */
  public String signature() {
    return employeeId == null ? displayName : approver().signature();
  }

  /**
   * R-F4, R-P2: the signed-in person as an approver (or a proposer, whom no approver may be): only
   * a token that carries the person's employee id may decide, since the four-eyes and recusal
   * checks compare employee ids.
   */
  public Approver approver() {
    if (employeeId == null) {
      throw new AccessDeniedException(
          "Proposing and approving need the person's employee id in the token (employee_id).");
    }
    return new Approver(displayName, employeeId, unit);
  }

  public Set<Role> roles() {
    return Set.copyOf(roles);
  }

  /**
   * Which of the caller's roles the endpoint allows, keeping those that are bound to a channel or a
   * department only when the token names one.
   */
  Set<Role> grant(Role[] allowed) {
    Set<Role> here = EnumSet.noneOf(Role.class);
    Arrays.stream(allowed)
        .filter(roles::contains)
        .filter(
            role ->
                switch (role.scope()) {
                  case CHANNEL -> channel != null;
                  case DEPARTMENT -> department != null;
                  case BANK -> true;
                })
        .forEach(here::add);
    this.granted = here;
    return Set.copyOf(here);
  }

  /** Whether a role granted here reaches the case: bank-wide, or its channel or department. */
  boolean reaches(CaseOwnership owner) {
    return granted.stream()
        .anyMatch(
            role ->
                switch (role.scope()) {
                  case BANK -> true;
                  case CHANNEL -> owner.channel() == channel;
                  case DEPARTMENT -> department.equals(owner.department());
                });
  }

  /** Whether every role granted here is a channel's: only a case's channel decides its reach. */
  boolean reachedByChannelOnly() {
    return !granted.isEmpty() && granted.stream().allMatch(r -> r.scope() == Role.Scope.CHANNEL);
  }

  /** Whether a role granted here is bank-wide: it reaches every case, whoever owns it. */
  boolean reachesEveryCase() {
    return granted.stream().anyMatch(role -> role.scope() == Role.Scope.BANK);
  }

  /** For a search: the only channel this caller may see, when it is a channel system. */
  public Optional<Channel> onlyChannel() {
    return reachesEveryCase() || granted.stream().noneMatch(r -> r.scope() == Role.Scope.CHANNEL)
        ? Optional.empty()
        : Optional.of(channel);
  }

  /** For a search: the only department this caller may see, when it is department staff. */
  public Optional<DepartmentCode> onlyDepartment() {
    return reachesEveryCase() || granted.stream().noneMatch(r -> r.scope() == Role.Scope.DEPARTMENT)
        ? Optional.empty()
        : Optional.of(department);
  }

  /** A channel system submits only for its own channel. */
  public void mustSubmitFor(Channel submitted) {
    if (!reachesEveryCase() && channel != submitted) {
      throw new AccessDeniedException(
          "A channel system submits for its own channel ("
              + (channel == null ? "none in its token" : channel)
              + "), not for "
              + submitted
              + ".");
    }
  }

  /** An approver decides only at the place in the chain its own role holds (R-F4). */
  public void mustHold(Role role) {
    if (!granted.contains(role)) {
      throw new AccessDeniedException(
          "Deciding as " + role.group() + " needs that role in the caller's token.");
    }
  }
}

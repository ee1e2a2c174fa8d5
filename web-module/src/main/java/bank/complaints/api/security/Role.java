package bank.complaints.api.security;

import bank.complaints.caseprocess.ApproverRole;
import java.util.Arrays;
import java.util.Optional;

/** R-S1: the roles a token's {@code groups} claim grants, by their group names. */
public enum Role {
  /** A channel system: submits, and sees only what its channel submitted. */
  CHANNEL("channel", Scope.CHANNEL),
  /** Department staff: only the cases and tasks of their department. */
  HANDLER("handler", Scope.DEPARTMENT),
  SUPERVISOR("supervisor", Scope.BANK),
  /** Approves below the first threshold, for their department's cases (R-F4). */
  DEPARTMENT_HEAD("department-head", Scope.DEPARTMENT),
  BRANCH_VICE_PRESIDENT("branch-vice-president", Scope.BANK),
  HEAD_OFFICE_RISK("head-office-risk", Scope.BANK),
  HEAD_OFFICE_LEGAL("head-office-legal", Scope.BANK),
  EXECUTIVE("executive", Scope.BANK),
  /** Statistics and every case, read-only. */
  MANAGER("manager", Scope.BANK),
  /** Calendar, SLA policy, routing, grading rules, dead letters, audit verification. */
  ADMINISTRATOR("administrator", Scope.BANK);

  /** Which cases a role reaches. */
  public enum Scope {
    /** Cases its channel submitted (the token's {@code channel} claim). */
    CHANNEL,
    /** Cases assigned to, and tasks sent to, its department (the {@code department} claim). */
    DEPARTMENT,
    /** Every case. */
    BANK
  }

  private final String group;
  private final Scope scope;

  Role(String group, Scope scope) {
    this.group = group;
    this.scope = scope;
  }

  public String group() {
    return group;
  }

  public Scope scope() {
    return scope;
  }

  public static Optional<Role> ofGroup(String group) {
    return Arrays.stream(values()).filter(r -> r.group.equals(group)).findFirst();
  }

  /** The role that decides at an approver's place in the chain. */
  public static Role of(ApproverRole approver) {
    return valueOf(approver.name());
  }
}

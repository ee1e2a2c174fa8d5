package bank.complaints.api.security;

import static bank.complaints.api.security.Role.ADMINISTRATOR;
import static bank.complaints.api.security.Role.BRANCH_VICE_PRESIDENT;
import static bank.complaints.api.security.Role.DEPARTMENT_HEAD;
import static bank.complaints.api.security.Role.EXECUTIVE;
import static bank.complaints.api.security.Role.HANDLER;
import static bank.complaints.api.security.Role.HEAD_OFFICE_LEGAL;
import static bank.complaints.api.security.Role.HEAD_OFFICE_RISK;
import static bank.complaints.api.security.Role.MANAGER;
import static bank.complaints.api.security.Role.SUPERVISOR;

import java.util.EnumSet;
import java.util.Set;

/** Role lists that several operations share, named once (R-S1). */
public enum RoleGroup {
  /** The bank's staff who may read a case: its handlers, their supervisors, its approvers. */
  CASE_READERS(
      HANDLER,
      SUPERVISOR,
      DEPARTMENT_HEAD,
      BRANCH_VICE_PRESIDENT,
      HEAD_OFFICE_RISK,
      HEAD_OFFICE_LEGAL,
      EXECUTIVE,
      MANAGER),
  /** R-F4: who approves a resolution at one of its tiers, or an extension of a deadline. */
  APPROVERS(DEPARTMENT_HEAD, BRANCH_VICE_PRESIDENT, HEAD_OFFICE_RISK, HEAD_OFFICE_LEGAL, EXECUTIVE),
  /** Who may read what a bank configures (rules, policies, calendars, departments, wording). */
  SETTINGS_READERS(ADMINISTRATOR, SUPERVISOR, MANAGER);

  private final Set<Role> roles;

  RoleGroup(Role first, Role... more) {
    this.roles = EnumSet.of(first, more);
  }

  public Set<Role> roles() {
    return EnumSet.copyOf(roles);
  }
}

package bank.complaints.caseprocess;

/** R-F4: who approves a resolution, by the amount involved. */
public enum ApproverRole {
  DEPARTMENT_HEAD,
  BRANCH_VICE_PRESIDENT,
  HEAD_OFFICE_RISK,
  HEAD_OFFICE_LEGAL,
  EXECUTIVE
}

package bank.complaints.complaint;

import bank.complaints.department.DepartmentCode;

/**
 * R-S1: whose a case (or one of its tasks) is: the channel that submitted the complaint, and the
 * department responsible (for a task, the department the task was sent to).
 */
public record CaseOwnership(Channel channel, DepartmentCode department) {}

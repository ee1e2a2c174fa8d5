package bank.complaints.caseprocess;

import bank.complaints.complaint.Complaint;
import bank.complaints.insight.Memberships.Membership;
import bank.complaints.sla.SlaClock;
import bank.complaints.tasks.WorkTask;
import bank.complaints.timeline.CaseEvent;
import java.util.List;

/**
 * R-F9: the whole file of a case as one record: the registration, every resolution with its
 * approvals, the tasks and their results, the deadlines, and the full timeline (internal notes
 * included: the file is for staff and auditors, not for the channel).
 */
public record CaseFile(
    Complaint complaint,
    Membership membership,
    List<Resolution> resolutions,
    List<WorkTask> tasks,
    List<SlaClock> clocks,
    List<CaseEvent> timeline) {}

package bank.complaints.complaint;

import bank.complaints.department.DepartmentCode;
import bank.complaints.grading.Category;
import bank.complaints.grading.Severity;
import java.time.Instant;

/**
 * What staff search complaints by (R-P3); every criterion optional. Received times are a half-open
 * range [from, to).
 */
public record ComplaintQuery(
    ComplaintStatus status,
    Severity severity,
    Category category,
    Channel channel,
    DepartmentCode department,
    Instant receivedFrom,
    Instant receivedTo,
    String customerMobile) {}

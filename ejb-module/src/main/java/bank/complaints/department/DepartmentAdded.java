package bank.complaints.department;

/** A department was added; once its transaction commits, its queue is made on the broker. */
public record DepartmentAdded(DepartmentCode code, String taskQueue) {}

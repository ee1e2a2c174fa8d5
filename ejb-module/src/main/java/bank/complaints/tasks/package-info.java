/**
 * Department work (R-F1…R-F8): the tasks a case gives its departments, {@link
 * bank.complaints.tasks.Dispatch} (the one way a task is opened and its message queued) and the
 * versioned messages that carry them on the departments' queues.
 */
package bank.complaints.tasks;

/**
 * Department work (R-F1…R-F8): the tasks a case gives its departments and the versioned messages
 * that carry them on the departments' queues.
 */
package bank.complaints.tasks;

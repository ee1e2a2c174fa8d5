/**
 * The bank's departments as data: their codes, queues, duty owners and the roles they play
 * (default, follow-up, repeat review, task force). Reference data: it knows no complaint.
 */
package bank.complaints.department;

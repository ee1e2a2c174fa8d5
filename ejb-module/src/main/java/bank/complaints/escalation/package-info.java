/**
 * Warnings and escalations (R-P1): the scanner that fires due deadline alerts from indexed clock
 * rows, and their queue messages.
 */
package bank.complaints.escalation;

/**
 * Deadlines (R-P1, R-CAL): the SLA policy as data, and the clock of each stage of a case with its
 * warning point and escalation ladder.
 */
package bank.complaints.sla;

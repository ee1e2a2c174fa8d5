/**
 * The case process (R-I7, R-F1…R-F9, R-X3, R-P2, R-P4), one capability: {@link
 * bank.complaints.caseprocess.CaseStep} is the table of every step after a complaint is received
 * (states it is allowed in, the status it moves to, the clocks it stops and starts, its timeline
 * entry, the notice and the task it owes), carried out by {@link
 * bank.complaints.caseprocess.CaseSteps}. {@link bank.complaints.caseprocess.CaseProcess} takes the
 * steps staff take, {@link bank.complaints.caseprocess.TaskResults} those a department's result
 * triggers, {@link bank.complaints.caseprocess.CaseClocks} pauses and extends deadlines, {@link
 * bank.complaints.caseprocess.CaseFiles} reads the progress and the whole file. Approval tiers and
 * recusal (R-F4, R-P2) live here too. Every step locks the case row first.
 */
package bank.complaints.caseprocess;

/**
 * Intake (R-I1…R-I7): a complaint as a channel system submits it, its number, and the service that
 * registers it and hands it to the responsible department.
 */
package bank.complaints.intake;

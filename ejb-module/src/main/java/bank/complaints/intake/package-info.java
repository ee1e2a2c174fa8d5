/**
 * Intake (R-I1…R-I7), one use case: a complaint as a channel system submits it, its idempotent
 * registration, its grade, clocks and acceptance notice, and its hand-over to the responsible
 * department, all in one transaction. The complaint itself lives in the kernel ({@code complaint}).
 */
package bank.complaints.intake;

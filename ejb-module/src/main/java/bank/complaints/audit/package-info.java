/**
 * R-S3: the tamper-evident audit log. Every state change, assignment, approval, notice,
 * configuration change, personal-data read and refused access is recorded with who (the
 * authenticated principal and the signed-in actor), when, why and the request id, in the
 * transaction of what it records; a linker then chains the entries by HMAC so that altering one is
 * detected by {@link bank.complaints.audit.AuditVerification}.
 */
package bank.complaints.audit;

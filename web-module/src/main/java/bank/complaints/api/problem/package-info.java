/**
 * RFC 9457 problem documents: every error the API returns, mapped in one place per exception
 * family.
 */
package bank.complaints.api.problem;

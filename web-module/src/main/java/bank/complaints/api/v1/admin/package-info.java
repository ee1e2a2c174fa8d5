/**
 * Administration of what a bank configures as data: the business calendar, and later SLA policy,
 * routing and grading rules.
 */
package bank.complaints.api.v1.admin;

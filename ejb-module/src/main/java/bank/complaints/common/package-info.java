/**
 * What every capability shares: the one hierarchy of domain exceptions that the boundaries
 * translate into problems.
 */
package bank.complaints.common;

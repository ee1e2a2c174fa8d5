/**
 * Whole-system tests: the real EAR in a managed Payara beside a real Artemis, driven over HTTP, JMS
 * and JDBC.
 */
package bank.complaints.system;

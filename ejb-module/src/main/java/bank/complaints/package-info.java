/**
 * The complaint-handling platform: one package per business capability, each holding its model and
 * service first and the adapters beside them.
 */
package bank.complaints;

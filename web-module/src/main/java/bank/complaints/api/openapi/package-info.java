/**
 * The OpenAPI document channel teams generate their clients from: what Payara's annotation scanner
 * produces, completed and corrected from the same Java types by {@link
 * bank.complaints.api.openapi.ContractFilter} (registered as {@code mp.openapi.filter}).
 */
package bank.complaints.api.openapi;

/**
 * Version 1 of the API, by the same capabilities as the EJB module (intake, complaint, case
 * process, evidence, insight, statistics, review, administration): its resources and the DTOs they
 * exchange.
 */
package bank.complaints.api.v1;

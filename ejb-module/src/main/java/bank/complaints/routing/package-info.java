/**
 * Routing (R-F1): which department is responsible for a complaint, and the departments themselves
 * as data.
 */
package bank.complaints.routing;

/**
 * Routing (R-F1, R-I7, R-G1): which department is responsible for a complaint by the routing rules
 * kept as data, and who answers for an urgent case (its named owner and task force). The
 * departments themselves are reference data in {@code department}.
 */
package bank.complaints.routing;

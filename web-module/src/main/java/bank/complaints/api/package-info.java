/**
 * The versioned JAX-RS API that core-banking and channel systems call; it validates, calls one
 * service and maps the result.
 */
package bank.complaints.api;

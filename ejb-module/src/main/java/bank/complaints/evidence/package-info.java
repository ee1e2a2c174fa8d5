/**
 * R-I5: the evidence of a case, from the customer and from the bank, each item numbered per case
 * and, when a file is uploaded, recorded with its SHA-256 so that the chain of evidence can be
 * checked later.
 */
package bank.complaints.evidence;

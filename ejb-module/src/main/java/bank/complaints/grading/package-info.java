/**
 * Grading and classification of complaints (R-G1, R-G2): severity and category proposed at intake
 * from rules kept as data, and changed by staff with a reason.
 */
package bank.complaints.grading;

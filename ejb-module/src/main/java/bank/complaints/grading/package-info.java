/** Grading and classification of complaints (R-G1…R-G3): severity and category. */
package bank.complaints.grading;

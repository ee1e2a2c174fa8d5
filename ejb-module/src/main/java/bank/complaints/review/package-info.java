/**
 * Management review (R-M2, R-M3): the typical cases staff select for the quarter's analysis, the
 * improvement actions taken on the weaknesses found, tracked until done, and the quarterly analysis
 * a complaint office sends to management.
 */
package bank.complaints.review;

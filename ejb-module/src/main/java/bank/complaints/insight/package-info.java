/**
 * What the complaints say together: repeat complaints by one customer (R-X1), and, later, mass
 * complaints and the monthly figures (R-X2, R-M1, R-M4).
 */
package bank.complaints.insight;

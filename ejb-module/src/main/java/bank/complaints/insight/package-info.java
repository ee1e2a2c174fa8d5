/**
 * What the complaints say together: repeat complaints by one customer (R-X1), mass complaints and
 * the incidents they form (R-X2). The monthly figures are in {@code statistics}.
 */
package bank.complaints.insight;

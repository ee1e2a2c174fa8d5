/**
 * The case after investigation: a resolution proposed (R-F3) and approved by the tier its amount
 * needs (R-F4), told to the customer (R-F5), accepted or objected to (R-F6), carried out (R-F7),
 * followed up (R-F8) and archived as one file (R-F9); or referred outside the bank (R-X3). Nobody
 * named in a complaint approves it (R-P2).
 */
package bank.complaints.lifecycle;

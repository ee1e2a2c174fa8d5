/**
 * Personal data protection (R-S2): how identity, account, card and phone numbers are masked
 * wherever they need not be shown in full.
 */
package bank.complaints.privacy;

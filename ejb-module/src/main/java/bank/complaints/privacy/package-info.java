/**
 * Personal data protection (R-S2): how identity, account, card and phone numbers are masked
 * wherever they need not be shown in full, and how they are sealed at rest with lookup hashes. Who
 * may read a complaint's personal data in full is the kernel's ({@code
 * complaint.PersonalDataAccess}).
 */
package bank.complaints.privacy;

/**
 * The complaint kernel: the aggregate ({@link bank.complaints.complaint.Complaint}) with its values
 * (number, channel, status, the embedded {@code Customer} with its sealed fields and lookup hashes,
 * {@code Demand} and {@code Referral}, accounts, how the customer is told), the state machine of
 * its status, who may see a customer's personal data in full (R-S2), and {@link
 * bank.complaints.complaint.Complaints}, the one place complaints are found, owned, listed in a
 * customer's series and searched. It depends on the foundation and the reference data only; every
 * capability above depends on it (PackageRulesTest).
 */
package bank.complaints.complaint;

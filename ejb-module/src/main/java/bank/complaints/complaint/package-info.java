/**
 * The complaint kernel: the aggregate ({@link bank.complaints.complaint.Complaint}) with its values
 * (number, channel, status, customer's identity and accounts, demand, how the customer is told),
 * the state machine of its status, who may see a customer's personal data in full (R-S2), and
 * {@link bank.complaints.complaint.Complaints}, the one place complaints are found, owned, listed
 * in a customer's series and searched. It depends on the foundation and the reference data only;
 * every capability above depends on it (PackageRulesTest).
 */
package bank.complaints.complaint;

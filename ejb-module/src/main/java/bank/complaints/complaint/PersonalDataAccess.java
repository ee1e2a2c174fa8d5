package bank.complaints.complaint;

import bank.complaints.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * R-S2, R-S3: the customer's personal data in full, for the staff who need it (to call the customer
 * back, to check an account). Every read is an audit entry with its reason.
 */
@Stateless
public class PersonalDataAccess {

  /** What is shown: the mobile, the identity document and the accounts, unmasked. */
  public record PersonalData(
      String customerName,
      String customerMobile,
      Optional<IdentityDocument> identity,
      List<AccountRef> accounts,
      String description) {}

  @Inject Complaints complaints;

  @Inject AuditLog audit;

  public PersonalData read(ComplaintNumber number, String reason) {
    Complaint complaint = complaints.find(number);
    audit.record(AuditLog.PERSONAL_DATA_READ, number.value(), null, reason);
    return new PersonalData(
        complaint.customer().name(),
        complaint.customer().mobile(),
        complaint.customer().identity(),
        complaint.accounts(),
        complaint.description());
  }
}

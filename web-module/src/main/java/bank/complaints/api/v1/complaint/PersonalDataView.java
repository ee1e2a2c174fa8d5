package bank.complaints.api.v1.complaint;

import bank.complaints.complaint.PersonalDataAccess.PersonalData;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** R-S2: the customer's personal data in full; served only by the audited personal-data read. */
public record PersonalDataView(
    String customerName,
    String customerMobile,
    String idType,
    String idNumber,
    List<Account> accounts,
    @Schema(description = "The description as the customer gave it, numbers in full")
        String description) {

  /** An account or card, in full. */
  public record Account(String kind, String number) {}

  static PersonalDataView of(PersonalData data) {
    return new PersonalDataView(
        data.customerName(),
        data.customerMobile(),
        data.identity().map(id -> id.type().name()).orElse(null),
        data.identity().map(id -> id.number()).orElse(null),
        data.accounts().stream().map(a -> new Account(a.kind().name(), a.number())).toList(),
        data.description());
  }
}

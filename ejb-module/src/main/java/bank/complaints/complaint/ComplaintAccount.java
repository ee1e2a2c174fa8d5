package bank.complaints.complaint;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.List;

/** R-I3: one of the accounts or cards a complaint concerns, as stored. */
@Entity
@Table(name = "complaint_account")
@IdClass(ListedRow.Key.class)
public class ComplaintAccount extends ListedRow {

  @Embedded private AccountRef account;

  protected ComplaintAccount() {}

  private ComplaintAccount(Complaint complaint, int position, AccountRef account) {
    super(complaint, position);
    this.account = account;
  }

  static List<ComplaintAccount> listed(Complaint complaint, List<AccountRef> accounts) {
    return listed(
        accounts, (position, account) -> new ComplaintAccount(complaint, position, account));
  }

  AccountRef account() {
    return account;
  }
}

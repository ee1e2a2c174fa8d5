package bank.complaints.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * R-I3: one of the accounts or cards a complaint concerns, as stored (a row of {@code
 * complaint_account}).
 *
 * <p>An entity rather than an element collection (issue 18): EclipseLink writes an element
 * collection of embeddables right after its own complaint's row, so each complaint naming a card
 * split a registration group's batch of complaint rows, two statements and round trips more. As an
 * entity it is written after all of the transaction's complaints, with the other accounts, in one
 * batch.
 */
@Entity
@Table(name = "complaint_account")
@IdClass(ListPosition.class)
public class ComplaintAccount {

  @Id
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "complaint_id", updatable = false)
  private Complaint complaint;

  @Id
  @Column(name = "position", updatable = false)
  private int position;

  @Embedded private AccountRef account;

  protected ComplaintAccount() {}

  private ComplaintAccount(Complaint complaint, int position, AccountRef account) {
    this.complaint = complaint;
    this.position = position;
    this.account = account;
  }

  /** The complaint's rows for these accounts, in their order. */
  static List<ComplaintAccount> listed(Complaint complaint, List<AccountRef> accounts) {
    List<ComplaintAccount> rows = new ArrayList<>(accounts.size());
    for (AccountRef account : accounts) {
      rows.add(new ComplaintAccount(complaint, rows.size(), account));
    }
    return rows;
  }

  AccountRef account() {
    return account;
  }
}

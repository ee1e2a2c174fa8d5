package bank.complaints.statistics;

import bank.complaints.platform.TransactionLocal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;

/**
 * The complaints already marked for the statistics in this transaction: one mark each. The set is
 * the transaction's ({@link TransactionLocal}).
 */
@ApplicationScoped
public class ChangedCases {

  /** The key of the transaction's set of marked complaints. */
  private static final Object MARKED = new Object();

  @Inject TransactionLocal transaction;

  /** True the first time a complaint is named in this transaction. */
  public boolean firstMention(long complaintId) {
    Set<Long> marked = transaction.get(MARKED, HashSet::new);
    return marked.add(complaintId);
  }
}

package bank.complaints.statistics;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/** The complaints already marked for the statistics in this transaction: one mark each. */
@TransactionScoped
public class ChangedCases implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Set<Long> marked = new HashSet<>();

  /** True the first time a complaint is named in this transaction. */
  public boolean firstMention(long complaintId) {
    return marked.add(complaintId);
  }
}

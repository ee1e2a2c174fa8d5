package bank.complaints.complaint;

import bank.complaints.platform.TransactionLocal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The complaints registered earlier in the current transaction whose rows may not be written yet
 * (ADR 0007: a group's rows go to the database together, one batch per table, at the group's end).
 * A query that must see one of them — the same customer's earlier complaint (R-X1), a similar one
 * (R-X2) — has the transaction's pending rows written first; when none concerns it, they stay
 * pending and the query does not flush them.
 */
@ApplicationScoped
public class PendingComplaints {

  private static final Object KEY = PendingComplaints.class.getName();

  @Inject EntityManager em;

  @Inject TransactionLocal transaction;

  /** A complaint of this transaction, persisted and perhaps not yet written. */
  public void add(Complaint registered) {
    pending().add(registered);
  }

  /**
   * Writes the transaction's pending rows if a complaint registered earlier in it is {@code
   * concerned}: a query that does not flush then finds it.
   */
  public void writeIfAny(Predicate<Complaint> concerned) {
    List<Complaint> pending = pending();
    if (pending.stream().anyMatch(concerned)) {
      em.flush();
      pending.clear();
    }
  }

  private List<Complaint> pending() {
    return transaction.get(KEY, ArrayList::new);
  }
}

package bank.complaints.insight;

import bank.complaints.platform.TransactionLocal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * R-X1, R-X2 when registrations run at once: a repeat is recognised by asking for the customer's
 * earlier complaints, a mass incident by counting the customers of similar ones; two transactions
 * registering the same customer's complaints (or similar ones) at once would each ask before the
 * other committed, and neither would see the other: three complaints each the first, five customers
 * each one of four. So a registration holds a lock per customer and per kind of similar complaint
 * it will ask about, until it commits; one asking after it waits, then sees its rows (read
 * committed reads what has committed by each statement's start).
 *
 * <p>The locks are the rows of {@code recognition_lock} (V37): a lock's name (the customer, the
 * similarity) picks one of {@value #STRIPES} rows by its hash; two names sharing a row only wait
 * for each other. A transaction takes its rows in ascending order, all it will need at once before
 * its first write ({@link #hold}), so two never wait for each other in a circle; a row asked for
 * later, out of that order, is taken all the same (a deadlock, which the database breaks, fails
 * that transaction: a group is then registered again member by member, ADR 0007).
 */
@ApplicationScoped
public class RecognitionLocks {

  /** The rows of {@code recognition_lock}, ids 0 to STRIPES - 1 (V37). */
  static final int STRIPES = 65_536;

  private static final Object KEY = RecognitionLocks.class.getName();

  @Inject EntityManager em;

  @Inject TransactionLocal transaction;

  /**
   * Takes the locks of these names that the current transaction does not hold yet, in ascending
   * order; returns once it holds them all.
   */
  public void hold(Collection<String> names) {
    Set<Integer> held = held();
    TreeSet<Integer> wanted = new TreeSet<>();
    for (String name : names) {
      int stripe = stripe(name);
      if (!held.contains(stripe)) {
        wanted.add(stripe);
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("select id from recognition_lock where id in (");
    for (int i = 1; i <= wanted.size(); i++) {
      sql.append(i == 1 ? "?" : ", ?");
    }
    Query lock = em.createNativeQuery(sql.append(") order by id for update").toString());
    int position = 1;
    for (Integer stripe : wanted) {
      lock.setParameter(position++, stripe);
    }
    List<?> locked = lock.getResultList();
    if (locked.size() != wanted.size()) {
      throw new IllegalStateException(
          "recognition_lock holds " + locked.size() + " of the rows " + wanted + " (V37)");
    }
    held.addAll(wanted);
  }

  /** The row a name locks: its hash, spread, modulo the rows. */
  static int stripe(String name) {
    int h = name.hashCode();
    h ^= h >>> 16;
    h *= 0x45d9f3b;
    h ^= h >>> 16;
    return Math.floorMod(h, STRIPES);
  }

  private Set<Integer> held() {
    return transaction.get(KEY, HashSet::new);
  }
}

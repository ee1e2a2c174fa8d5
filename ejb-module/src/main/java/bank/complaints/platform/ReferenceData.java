package bank.complaints.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one cache of what a bank configures as data (routing and grading rules, SLA policies, the
 * calendar, departments and their roles, notice wording): each is read at most once per {@code
 * complaints.reference.refresh} (30 s) per server, and at once again on the server that changed it.
 * Ages are measured on the monotonic clock, not the business clock (which tests may shift).
 *
 * <p>The beans that read through it are CDI beans, not EJBs: a registration asks them several
 * times, and each EJB call paid the container's invocation and, for the singletons, a read lock
 * (issue 18). Their writes are {@code @Transactional}. A replacement of a whole set (the grading
 * rules, the SLA policy, the calendar) takes {@link #replacing}: one administrator's replacement at
 * a time on this server, until it has committed.
 */
@ApplicationScoped
public class ReferenceData {

  private record Entry(Object value, long readAtNanos) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Per name, the replacement running on this server ({@link #replacing}). */
  private final Map<String, Semaphore> replacements = new ConcurrentHashMap<>();

  /** Per transaction, the names it is replacing. */
  private static final Object REPLACING = ReferenceData.class.getName() + ".replacing";

  @Inject TransactionLocal transaction;

  @Inject
  @ConfigProperty(name = "complaints.reference.refresh", defaultValue = "PT30S")
  Duration refresh;

  /**
   * The named reference data, loaded (in the caller's transaction) when it was never read or was
   * read longer ago than the refresh period. Two callers may load it at once; both get a consistent
   * value.
   */
  @SuppressWarnings("unchecked")
  public <T> T read(String name, Supplier<T> load) {
    Entry entry = entries.get(name);
    long now = System.nanoTime();
    if (entry == null || now - entry.readAtNanos() > refresh.toNanos()) {
      entry = new Entry(load.get(), now);
      entries.put(name, entry);
    }
    return (T) entry.value();
  }

  /**
   * Forgets the named data: the next read on this server loads it again. Called in the transaction
   * that changed it, it forgets it again once that transaction has completed: a read between the
   * change and its commit loaded the rows as they were, and is not kept.
   */
  public void changed(String name) {
    entries.remove(name);
    if (transaction.active()) {
      transaction.afterCompletion(() -> entries.remove(name));
    }
  }

  /**
   * Called in a transaction that replaces the named data as a whole, before it reads or writes
   * them: waits until no other transaction on this server is replacing them and holds them until
   * this one has completed (committed or rolled back), and forgets them now and then. Two
   * administrators replacing one set at once would otherwise each delete what committed before they
   * began and both sets would stay. Taken again in the same transaction, nothing happens.
   *
   * @throws jakarta.transaction.TransactionalException outside a transaction
   */
  public void replacing(String name) {
    transaction.require("A replacement of " + name);
    Set<String> held = transaction.get(REPLACING, HashSet::new);
    if (held.contains(name)) {
      return;
    }
    Semaphore replacement = replacements.computeIfAbsent(name, n -> new Semaphore(1));
    replacement.acquireUninterruptibly();
    try {
      held.add(name);
      transaction.afterCompletion(
          () -> {
            entries.remove(name);
            replacement.release();
          });
    } catch (RuntimeException e) {
      replacement.release();
      throw e;
    }
    entries.remove(name);
  }
}

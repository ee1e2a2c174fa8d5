package bank.complaints.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one cache of what a bank configures as data (routing and grading rules, SLA policies, the
 * calendar, departments and their roles, notice wording): each is read at most once per {@code
 * complaints.reference.refresh} (30 s) per server, and at once again on the server that changed it.
 * Ages are measured on the monotonic clock, not the business clock (which tests may shift).
 *
 * <p>Routing rules, departments and notice wording are read through it by CDI beans, not stateless
 * EJBs: a registration asks them several times, and each EJB call paid the container's invocation
 * (issue 18) for a pooled instance the cache does not need; their writes are
 * {@code @Transactional}. The grading rules, SLA policies and calendar stay singleton EJBs: their
 * write lock keeps one administrator's replacement of the whole set from interleaving with
 * another's on this server until it has committed, which a CDI bean's lock could not (it would be
 * released before the commit).
 */
@ApplicationScoped
public class ReferenceData {

  private record Entry(Object value, long readAtNanos) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

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

  /** Forgets the named data: the next read on this server loads it again. */
  public void changed(String name) {
    entries.remove(name);
  }
}

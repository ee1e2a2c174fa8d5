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
 * <p>The services that read through it (grading and routing rules, SLA policies, the calendar,
 * departments, notice wording) are CDI beans, not EJBs: a registration asks them about fifteen
 * times, and each EJB call paid the container's invocation (about 5 % of the server's CPU under
 * registrations, issue 18) for a lock or a pooled instance the cache does not need. Their writes
 * are {@code @Transactional}.
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

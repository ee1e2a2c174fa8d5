package bank.complaints.complaint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Beyond-rule 42: the province-level divisions (GB/T 2260) a complaint may arise in, as data (the
 * {@code region} table), read once: the list changes with a migration, not at run time.
 */
@ApplicationScoped
public class Regions {

  @Inject EntityManager em;

  /** Where a complaint arises when its channel does not say: the bank's own division. */
  @Inject
  @ConfigProperty(name = "complaints.returns.default-region")
  String defaultRegion;

  private volatile Map<String, String> names;

  /** The division's name, if the code is one. */
  public Optional<String> name(String code) {
    return Optional.ofNullable(all().get(code));
  }

  /** Every division, by code. */
  public Map<String, String> all() {
    Map<String, String> loaded = names;
    if (loaded == null) {
      Map<String, String> read = new TreeMap<>();
      for (Object row : em.createNativeQuery("select code, name from region").getResultList()) {
        Object[] columns = (Object[]) row;
        read.put((String) columns[0], (String) columns[1]);
      }
      names = loaded = Map.copyOf(read);
    }
    return loaded;
  }

  /** The division a complaint counts under: its own, else the bank's. */
  public String of(Complaint complaint) {
    return complaint.region().orElse(defaultRegion);
  }

  public String defaultRegion() {
    return defaultRegion;
  }
}

package bank.complaints.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The entity manager of the application's CDI beans ({@code @Inject EntityManager}).
 *
 * <p>Payara finds the persistence unit of a {@code @PersistenceContext} when the entity manager is
 * first used, by the module of the call then running, and the unit, declared in this EJB module, is
 * not visible from the web module. A CDI bean of this module whose entity manager was first used by
 * a web request (a manager's list of incidents, an administrator's routing rules, right after a
 * start) answered 500, "Unable to retrieve EntityManagerFactory for unitName complaints", and
 * worked once an EJB had used it first. The beans share this one instead, found at startup in this
 * module: it hands each transaction its own persistence context, as each bean's own did.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class EntityManagers {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  /** Finds the unit now, in this module, before any request can be the first to use it. */
  @PostConstruct
  void findTheUnit() {
    em.getEntityManagerFactory();
  }

  @Produces
  public EntityManager entityManager() {
    return em;
  }
}

package bank.complaints.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * State that lives as long as the current transaction: what a {@code @TransactionScoped} bean
 * holds, kept in the transaction's own resource map (JTA's {@link
 * TransactionSynchronizationRegistry}).
 *
 * <p>Issue 18: on Payara every call through a {@code @TransactionScoped} bean's proxy asks its
 * context whether it is active and for the instance, and each time the context looks the registry
 * up in JNDI (a new naming context and an HK2 service lookup): about 6 % of the server's CPU under
 * registrations, for two small maps a registration touches a dozen times. Here the registry is
 * looked up once, at injection; the state is the transaction's as before, gone at its end, and
 * fresh in a {@code REQUIRES_NEW} one.
 *
 * <p>It also says whether there is a transaction ({@link #require}), what {@code
 * Transactional(MANDATORY)} checks.
 */
@ApplicationScoped
public class TransactionLocal {

  @Resource TransactionSynchronizationRegistry registry;

  /**
   * The current transaction's value under {@code key}, made by {@code initial} on first use.
   *
   * @throws IllegalStateException outside a transaction, as a {@code @TransactionScoped} bean's
   *     context is not active there
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Supplier<T> initial) {
    T value = (T) registry.getResource(key);
    if (value == null) {
      value = initial.get();
      registry.putResource(key, value);
    }
    return value;
  }

  /**
   * As {@link #get(Object, Supplier)}; once the transaction has committed, the value is given to
   * {@code afterCommit}, on the committing thread, once; after a rollback, nothing is.
   *
   * <p>Issue 18: what a {@code @Observes(during = AFTER_SUCCESS)} observer does for each event,
   * once per transaction: Weld defers every event fired in a transaction to a synchronization of
   * its own and, after the commit, looks the observer's bean up for each.
   */
  public <T> T get(Object key, Supplier<T> initial, Consumer<T> afterCommit) {
    return get(
        key,
        () -> {
          T made = initial.get();
          onCompletion(
              status -> {
                if (status == Status.STATUS_COMMITTED) {
                  afterCommit.accept(made);
                }
              });
          return made;
        });
  }

  /** Runs {@code action} once the current transaction has completed, committed or rolled back. */
  public void afterCompletion(Runnable action) {
    onCompletion(status -> action.run());
  }

  private void onCompletion(IntConsumer action) {
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            action.accept(status);
          }
        });
  }

  /** Whether the caller runs in a transaction. */
  public boolean active() {
    return registry.getTransactionKey() != null;
  }

  /**
   * Throws unless the caller runs in a transaction, as {@code @Transactional(MANDATORY)} does, for
   * the steps that write only in their caller's transaction.
   *
   * <p>Issue 18: Payara's {@code @Transactional} interceptor looks the invocation manager up in HK2
   * twice per call and calls the method reflectively; a registration makes about fifteen such calls
   * (timeline, clocks, outbox, repeat and mass recognition): 4.4 % of the server's CPU. This check
   * asks the registry held here.
   *
   * @param step what needs the transaction, for the message
   * @throws TransactionalException outside a transaction (caused by {@link
   *     TransactionRequiredException}), as the interceptor did
   */
  public void require(String step) {
    if (!active()) {
      throw new TransactionalException(
          step + " runs only in its caller's transaction", new TransactionRequiredException(step));
    }
  }
}

package bank.complaints.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check that replaced {@code @Transactional(MANDATORY)} on the steps that write in their
 * caller's transaction: refused outside one, as the interceptor refused, and silent inside one; and
 * the state a transaction keeps, handed on once it committed.
 */
class TransactionLocalTest {

  /** A registry that knows only whether a transaction is current (its key, or null). */
  private static TransactionLocal withTransactionKey(Object key) {
    return new OneTransaction(key).local();
  }

  @Test
  void outsideATransactionTheStepIsRefusedAsTheInterceptorRefusedIt() {
    TransactionalException refused =
        assertThrows(
            TransactionalException.class,
            () -> withTransactionKey(null).require("SlaClocks.start"));
    assertTrue(refused.getMessage().contains("SlaClocks.start"), refused.getMessage());
    assertInstanceOf(TransactionRequiredException.class, refused.getCause());
  }

  @Test
  void insideATransactionTheStepRuns() {
    assertDoesNotThrow(() -> withTransactionKey("tx-1").require("Outbox.enqueue"));
  }

  /** One transaction's resources and synchronizations, as JTA's registry keeps them. */
  private static final class OneTransaction {
    final Object key;
    final Map<Object, Object> resources = new HashMap<>();
    final List<Synchronization> synchronizations = new ArrayList<>();

    /**
     * @param key the transaction's key; null: none is current
     */
    OneTransaction(Object key) {
      this.key = key;
    }

    TransactionLocal local() {
      TransactionLocal local = new TransactionLocal();
      local.registry =
          (TransactionSynchronizationRegistry)
              Proxy.newProxyInstance(
                  TransactionLocalTest.class.getClassLoader(),
                  new Class<?>[] {TransactionSynchronizationRegistry.class},
                  (proxy, method, args) ->
                      switch (method.getName()) {
                        case "getTransactionKey" -> key;
                        case "getResource" -> resources.get(args[0]);
                        case "putResource" -> resources.put(args[0], args[1]);
                        case "registerInterposedSynchronization" ->
                            synchronizations.add((Synchronization) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                      });
      return local;
    }

    void end(int status) {
      synchronizations.forEach(Synchronization::beforeCompletion);
      synchronizations.forEach(s -> s.afterCompletion(status));
    }
  }

  @Test
  void whatATransactionCollectedIsHandedOnOnceAfterItCommitted() {
    OneTransaction tx = new OneTransaction("tx-1");
    TransactionLocal local = tx.local();
    List<List<String>> handedOn = new ArrayList<>();
    local.<List<String>>get("outbox", ArrayList::new, handedOn::add).add("notice");
    local.<List<String>>get("outbox", ArrayList::new, handedOn::add).add("task");
    assertEquals(List.of(), handedOn, "nothing before the commit");
    tx.end(Status.STATUS_COMMITTED);
    assertEquals(List.of(List.of("notice", "task")), handedOn, "both rows, in one call");
  }

  @Test
  void nothingIsHandedOnAfterARollback() {
    OneTransaction tx = new OneTransaction("tx-1");
    List<List<String>> handedOn = new ArrayList<>();
    tx.local().<List<String>>get("outbox", ArrayList::new, handedOn::add).add("notice");
    tx.end(Status.STATUS_ROLLEDBACK);
    assertEquals(List.of(), handedOn);
  }
}

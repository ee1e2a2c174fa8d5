package bank.complaints.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The check that replaced {@code @Transactional(MANDATORY)} on the steps that write in their
 * caller's transaction: refused outside one, as the interceptor refused, and silent inside one.
 */
class TransactionLocalTest {

  /** A registry that knows only whether a transaction is current (its key, or null). */
  private static TransactionLocal withTransactionKey(Object key) {
    TransactionLocal local = new TransactionLocal();
    local.registry =
        (TransactionSynchronizationRegistry)
            Proxy.newProxyInstance(
                TransactionLocalTest.class.getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getTransactionKey")) {
                    return key;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return local;
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
}

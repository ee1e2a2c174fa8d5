package bank.complaints.platform;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * What kind of failure a database or broker error is. Transient: one that waiting cures (the
 * database unreachable, restarting or overloaded, a lock or deadlock victim, a connection pool with
 * nothing to lend), unlike one that repeats however often the work is tried; intake answers it with
 * 503 and Retry-After, and the results listener lets the broker redeliver for as long as it lasts.
 * A write conflict (a unique key taken, a lock not granted in time): a concurrent writer came
 * first.
 */
public final class Failures {

  /** SQLState classes and codes that mean "not now" rather than "never". */
  private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "HY", "40");

  private static final Set<String> WRITE_CONFLICT_STATES =
      Set.of("40001", "40P01", "55P03", "HYT00", "HYT01", "90131");

  /** H2's own codes for a connection or database that went away. */
  private static final Set<String> TRANSIENT_H2 = Set.of("90067", "90098", "90121");

  private Failures() {}

  public static boolean isTransient(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = next(t)) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
        return true;
      }
      if (t instanceof jakarta.resource.ResourceException) {
        return true; // the pool could not lend a connection
      }
      if (t instanceof XAException) {
        // A resource failed at the transaction's completion (measured: the database stopped
        // during a commit, "LocalTransactionException: This connection has been closed").
        return true;
      }
      if (t instanceof jakarta.persistence.LockTimeoutException
          || t instanceof jakarta.persistence.PessimisticLockException
          || t instanceof jakarta.persistence.QueryTimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() == null
          && sql.getMessage() != null
          && sql.getMessage().startsWith("Error in allocating a connection")) {
        return true; // Payara's pool, its cause given as text only
      }
    }
    return false;
  }

  /**
   * Another writer came first: a unique key it took (SQLState class 23), a lock it held past the
   * wait (40001, 40P01, 55P03, HYT00/HYT01, H2's 90131), or the JPA lock exceptions.
   */
  public static boolean isWriteConflict(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = next(t)) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("23") || WRITE_CONFLICT_STATES.contains(state)) {
          return true;
        }
      }
      if (t instanceof jakarta.persistence.OptimisticLockException
          || t instanceof jakarta.persistence.PessimisticLockException
          || t instanceof jakarta.persistence.LockTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause, as "Type: message", for a log line or a dead letter's reason. */
  public static String rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  private static boolean transientState(String state) {
    if (state == null || state.length() < 2) {
      return false;
    }
    if (TRANSIENT_H2.contains(state)) {
      return true;
    }
    // 40: rollback (serialization failure, deadlock); HY: timeouts (HYT00, HYT01) only.
    String cls = state.substring(0, 2);
    if (cls.equals("HY")) {
      return state.startsWith("HYT");
    }
    return TRANSIENT_CLASSES.contains(cls);
  }

  private static Throwable next(Throwable t) {
    if (t instanceof SQLException sql && sql.getNextException() != null && t.getCause() == null) {
      return sql.getNextException();
    }
    if (t.getCause() == null) {
      try { // EclipseLink's exceptions hold the driver's as their "internal exception"
        Object inner = t.getClass().getMethod("getInternalException").invoke(t);
        return inner instanceof Throwable cause ? cause : null;
      } catch (ReflectiveOperationException | RuntimeException none) {
        return null;
      }
    }
    return t.getCause();
  }
}

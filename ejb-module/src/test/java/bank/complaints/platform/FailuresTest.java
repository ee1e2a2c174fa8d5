package bank.complaints.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void theDatabaseAwayIsTransient() {
    assertTrue(
        Failures.isTransient(
            new EJBException(
                new PersistenceException(new SQLException("Connection refused", "08001")))));
    assertTrue(Failures.isTransient(new SQLTransientConnectionException("pool empty")));
    assertTrue(
        Failures.isTransient(
            new SQLException("terminating connection due to administrator command", "57P01")));
    assertTrue(
        Failures.isTransient(
            new PersistenceException(
                new SQLException(
                    "Error in allocating a connection. Cause: Connection could not be allocated"))));
    assertTrue(Failures.isTransient(new SQLException("deadlock detected", "40P01")));
    assertTrue(
        Failures.isTransient(
            new jakarta.transaction.SystemException() {
              {
                initCause(
                    new javax.transaction.xa.XAException(
                        "jakarta.resource.spi.LocalTransactionException: This connection has"
                            + " been closed."));
              }
            }),
        "the database gone during a commit");
  }

  @Test
  void aKeyTakenByAnotherWriterIsAWriteConflict() {
    assertTrue(
        Failures.isWriteConflict(
            new EJBException(
                new PersistenceException(new SQLException("duplicate key value", "23505")))));
    assertFalse(Failures.isWriteConflict(new SQLException("Connection refused", "08001")));
    assertFalse(Failures.isWriteConflict(new IllegalStateException("a bug")));
  }

  @Test
  void whatRepeatsIsNot() {
    assertFalse(Failures.isTransient(new NullPointerException()));
    assertFalse(
        Failures.isTransient(new PersistenceException(new SQLException("duplicate key", "23505"))));
    assertFalse(Failures.isTransient(new SQLException("syntax error at or near", "42601")));
    assertFalse(Failures.isTransient(new SQLException("no state")));
  }
}

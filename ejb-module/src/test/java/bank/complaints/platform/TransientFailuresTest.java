package bank.complaints.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

  @Test
  void theDatabaseAwayIsTransient() {
    assertTrue(
        TransientFailures.isTransient(
            new EJBException(
                new PersistenceException(new SQLException("Connection refused", "08001")))));
    assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("pool empty")));
    assertTrue(
        TransientFailures.isTransient(
            new SQLException("terminating connection due to administrator command", "57P01")));
    assertTrue(
        TransientFailures.isTransient(
            new PersistenceException(
                new SQLException(
                    "Error in allocating a connection. Cause: Connection could not be allocated"))));
    assertTrue(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01")));
  }

  @Test
  void whatRepeatsIsNot() {
    assertFalse(TransientFailures.isTransient(new NullPointerException()));
    assertFalse(
        TransientFailures.isTransient(
            new PersistenceException(new SQLException("duplicate key", "23505"))));
    assertFalse(
        TransientFailures.isTransient(new SQLException("syntax error at or near", "42601")));
    assertFalse(TransientFailures.isTransient(new SQLException("no state")));
  }
}

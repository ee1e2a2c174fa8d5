package bank.complaints.platform;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/** The persistence unit's session customizers (EclipseLink takes one class), in order. */
public class SessionSetup implements SessionCustomizer {

  @Override
  public void customize(Session session) throws Exception {
    new FailFastOnDatabaseLoss().customize(session);
    new IndexedRows().customize(session);
  }
}

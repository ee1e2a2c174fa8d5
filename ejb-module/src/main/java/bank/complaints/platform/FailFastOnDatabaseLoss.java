package bank.complaints.platform;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed for a lost connection three times, five seconds apart,
 * holding the request's thread for up to 15 s while the database is away (measured: submissions
 * answered after 10.6 s during an outage). The connection pool already validates and replaces
 * connections, and the caller (a channel system's retry on 503, the broker's redelivery, the next
 * timer round) retries the work as a whole; so the read fails at once.
 */
public class FailFastOnDatabaseLoss implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    session.getLogin().setQueryRetryAttemptCount(0);
    session.getLogin().setDelayBetweenConnectionAttempts(0);
  }
}

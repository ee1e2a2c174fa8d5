package bank.complaints.ops;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the broker takes a session. Complaints are still accepted without it (the outbox
 * holds their tasks), but operations must know that tasks are not flowing.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Resource(lookup = "jms/complaints/ConnectionFactory")
  ConnectionFactory connectionFactory;

  /**
   * Tried twice: after the active broker of a pair fails over, a pooled connection still bound to
   * the dead one fails once and is discarded by the pool; the second try takes a live one. Only a
   * broker that refuses both is reported DOWN (ClusterIT saw single false DOWNs without this).
   */
  @Override
  public HealthCheckResponse call() {
    Exception failure = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      try (Connection connection = connectionFactory.createConnection()) {
        connection.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
        return HealthCheckResponse.named("broker").up().build();
      } catch (Exception e) {
        failure = e;
      }
    }
    return HealthCheckResponse.named("broker")
        .down()
        .withData("error", failure.getClass().getSimpleName())
        .build();
  }
}

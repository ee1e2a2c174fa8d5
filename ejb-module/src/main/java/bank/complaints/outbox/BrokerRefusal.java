package bank.complaints.outbox;

import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageFormatException;

/**
 * Tells a broker's refusal of one message (it stays refused however often it is sent) from the
 * broker being unreachable (every message fails alike, and waiting is the cure).
 *
 * <p>Refusals: an address the broker does not have (Artemis' client answers "There is no queue with
 * name …", a plain JMSException with no broker error behind it, or InvalidDestinationException), a
 * destination this user may not send to, a message the broker will not take. A failure with a
 * broker or transport error behind it, or a closed session or connection, is unavailability.
 */
final class BrokerRefusal {

  private BrokerRefusal() {}

  static boolean isRefusalOfThisMessage(JMSException e) {
    if (e instanceof IllegalStateException) {
      return false; // session or connection closed under us
    }
    return e instanceof InvalidDestinationException
        || e instanceof JMSSecurityException
        || e instanceof MessageFormatException
        || (e.getLinkedException() == null && e.getCause() == null);
  }

  /** The broker's reason, as stored with the row (at most 1,000 characters). */
  static String reason(JMSException e) {
    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
    return reason.length() <= 1000 ? reason : reason.substring(0, 1000);
  }
}

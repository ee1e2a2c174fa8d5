package bank.complaints.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The API boundary's way into the audit log: an EJB of this module, so that the persistence unit is
 * in reach (a CDI bean created from the web module would look it up there and fail).
 */
@Stateless
public class AuditRecorder {

  @Inject AuditLog audit;

  /** Records in a transaction of its own: stays although the call it records is refused. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordRefusal(String action, String subject, String actor, String reason) {
    audit.record(action, subject, actor, reason);
  }
}

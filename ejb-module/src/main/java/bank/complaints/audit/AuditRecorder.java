package bank.complaints.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Records a refusal in a transaction of its own, so that it stays although the refused work rolls
 * back; the one way for the domain and the API boundary alike. An EJB of this module, so that the
 * web module reaches the persistence unit through it.
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

package bank.complaints.escalation;

import bank.complaints.complaint.Complaint;
import bank.complaints.outbox.OutgoingMessage;
import bank.complaints.sla.Recipient;
import bank.complaints.sla.SlaAlert;
import bank.complaints.sla.SlaStage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.UUID;

/** Maps an alert to its queue message: the one place that writes {@link EscalationMessageV1}. */
public final class EscalationMessages {

  private static final Jsonb JSON = JsonbBuilder.create();

  private EscalationMessages() {}

  /**
   * R-F6, R-F8: the customer rejected the result (objection, or dissatisfied on the follow-up
   * call): the case goes up the escalation path at once, not at a deadline.
   */
  public static OutgoingMessage customerEscalation(
      String kind, Recipient recipient, SlaStage stage, Complaint complaint, Instant raisedAt) {
    EscalationMessageV1 message =
        new EscalationMessageV1(
            EscalationMessageV1.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            kind,
            recipient.ordinal(),
            recipient.name(),
            stage.name(),
            complaint.number().value(),
            complaint.department() == null ? null : complaint.department().value(),
            complaint.severity().name(),
            raisedAt.toString(),
            raisedAt.toString(),
            raisedAt.toString());
    return new OutgoingMessage(
        recipient.queue(),
        EscalationMessageV1.TYPE,
        EscalationMessageV1.SCHEMA_VERSION,
        message.complaintNumber(),
        JSON.toJson(message));
  }

  public static OutgoingMessage outgoing(SlaAlert alert, Complaint complaint, Instant raisedAt) {
    EscalationMessageV1 message =
        new EscalationMessageV1(
            EscalationMessageV1.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            alert.kind().name(),
            alert.level(),
            alert.recipient().name(),
            alert.stage().name(),
            complaint.number().value(),
            complaint.department() == null ? null : complaint.department().value(),
            complaint.severity().name(),
            alert.dueAt().toString(),
            alert.scheduledFor().toString(),
            raisedAt.toString());
    return new OutgoingMessage(
        alert.recipient().queue(),
        EscalationMessageV1.TYPE,
        EscalationMessageV1.SCHEMA_VERSION,
        message.complaintNumber(),
        JSON.toJson(message));
  }
}

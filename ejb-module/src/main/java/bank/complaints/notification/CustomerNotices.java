package bank.complaints.notification;

import bank.complaints.intake.Complaint;
import bank.complaints.outbox.OutgoingMessage;
import bank.complaints.privacy.Masking;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.UUID;

/** Maps a notice to its queue message: the one place that writes {@link CustomerNoticeV1}. */
public final class CustomerNotices {

  /** What a notice tells the customer. */
  public enum Kind {
    DEADLINE_EXTENDED
  }

  private static final Jsonb JSON = JsonbBuilder.create();

  private CustomerNotices() {}

  public static OutgoingMessage outgoing(
      Kind kind, Complaint complaint, String text, Instant createdAt) {
    CustomerNoticeV1 notice =
        new CustomerNoticeV1(
            CustomerNoticeV1.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            kind.name(),
            complaint.number().value(),
            complaint.channel().name(),
            Masking.mobile(complaint.customerMobile()),
            text,
            createdAt.toString());
    return new OutgoingMessage(
        CustomerNoticeV1.QUEUE,
        CustomerNoticeV1.TYPE,
        CustomerNoticeV1.SCHEMA_VERSION,
        notice.complaintNumber(),
        JSON.toJson(notice));
  }
}

package bank.complaints.notification;

import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.NoticeMedium;
import bank.complaints.outbox.OutgoingMessage;
import bank.complaints.privacy.Masking;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Maps a notice to its queue message: the one place that writes {@link CustomerNoticeV1}. */
public final class CustomerNotices {

  /** What a notice tells the customer. */
  public enum Kind {
    /** R-I7: the complaint is registered; its number, and what happens next. */
    ACCEPTANCE,
    DEADLINE_EXTENDED,
    /** R-F2: the first findings, and when the final result is expected. */
    FIRST_FINDINGS,
    /** R-F5: the approved result: conclusion, the rule it rests on, the amount, how. */
    RESULT,
    /** R-F7: the resolution has been carried out. */
    EXECUTED,
    /** R-F6, R-F8: the case is reopened and goes up the escalation path. */
    REOPENED,
    /** R-X3: beyond the bank's remit; the lawful alternatives offered. */
    REFERRAL,
    /** R-X2: the bank's one statement on a mass complaint, to every customer it concerns. */
    INCIDENT_STATEMENT,
    /** R-X2: progress on a mass complaint, to every customer it concerns. */
    INCIDENT_PROGRESS
  }

  private static final Jsonb JSON = JsonbBuilder.create();

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private CustomerNotices() {}

  /** A time as a notice shows it: the bank's zone, to the minute. */
  public static String shown(Instant instant, ZoneId bankZone) {
    return SHOWN.format(instant.atZone(bankZone));
  }

  public static OutgoingMessage outgoing(
      Kind kind, Complaint complaint, String text, Instant createdAt) {
    return outgoing(kind, complaint, complaint.noticeBy(), text, createdAt);
  }

  /** A notice by a medium other than the customer's for notices (R-F5: the result's). */
  public static OutgoingMessage outgoing(
      Kind kind, Complaint complaint, NoticeMedium medium, String text, Instant createdAt) {
    CustomerNoticeV1 notice =
        new CustomerNoticeV1(
            CustomerNoticeV1.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            kind.name(),
            complaint.number().value(),
            complaint.channel().name(),
            medium.name(),
            Masking.mobile(complaint.customer().mobile()),
            Masking.email(complaint.customer().email()),
            Masking.numbersIn(text),
            createdAt.toString());
    return new OutgoingMessage(
        CustomerNoticeV1.QUEUE,
        CustomerNoticeV1.TYPE,
        CustomerNoticeV1.SCHEMA_VERSION,
        notice.complaintNumber(),
        JSON.toJson(notice));
  }
}

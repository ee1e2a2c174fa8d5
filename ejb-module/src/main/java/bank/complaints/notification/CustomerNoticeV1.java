package bank.complaints.notification;

/**
 * Version 1 of a notice to the customer (documented in docs/asyncapi.yaml) for the bank's SMS,
 * e-mail and in-app gateways, the one named by {@code deliverBy}. The mobile and e-mail are masked:
 * a gateway resolves the contact by the complaint number. Times are ISO-8601 instants in UTC; the
 * text shows them in the bank's zone.
 */
public record CustomerNoticeV1(
    int schemaVersion,
    String noticeId,
    String kind,
    String complaintNumber,
    String channel,
    String deliverBy,
    String customerMobile,
    String customerEmail,
    String text,
    String createdAt) {

  public static final int SCHEMA_VERSION = 1;
  public static final String TYPE = "complaints.customer-notice";
  public static final String QUEUE = "complaints.notifications";
}

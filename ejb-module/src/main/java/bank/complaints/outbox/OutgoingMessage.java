package bank.complaints.outbox;

/**
 * A message to publish: the queue it goes to, its type and schema version, the business key it
 * concerns (a complaint number, sent as the {@code complaintNumber} property), and its JSON body. A
 * message dead-lettered by the application also names the address it was meant for and why it could
 * not be processed, so that operations can read the reason and replay it, and who sent it, as the
 * broker authenticated them, so that a replay is judged as the original was.
 */
public record OutgoingMessage(
    String destination,
    String type,
    int schemaVersion,
    String key,
    String payload,
    String originalAddress,
    String deadLetterReason,
    String originalSender) {

  public OutgoingMessage(
      String destination, String type, int schemaVersion, String key, String payload) {
    this(destination, type, schemaVersion, key, payload, null, null, null);
  }
}

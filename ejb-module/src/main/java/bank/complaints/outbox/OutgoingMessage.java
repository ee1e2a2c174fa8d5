package bank.complaints.outbox;

/**
 * A message to publish: the queue it goes to, its type and schema version, the business key it
 * concerns (a complaint number, sent as the {@code complaintNumber} property), and its JSON body.
 */
public record OutgoingMessage(
    String destination, String type, int schemaVersion, String key, String payload) {}

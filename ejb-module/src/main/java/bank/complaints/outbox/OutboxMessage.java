package bank.complaints.outbox;

import bank.complaints.platform.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** One row of the outbox: a message waiting for, or done with, publication. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

  // Ids in blocks of 1,000: the sequence's increment (V42, issue 18).
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
  @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 1000)
  @Column(name = "id")
  private Long id;

  @Column(name = "message_id", nullable = false, unique = true, updatable = false)
  private String messageId;

  @Column(name = "destination", nullable = false, updatable = false)
  private String destination;

  @Column(name = "message_type", nullable = false, updatable = false)
  private String messageType;

  @Column(name = "schema_version", nullable = false, updatable = false)
  private int schemaVersion;

  @Column(name = "message_key", updatable = false)
  private String messageKey;

  @Column(name = "payload", nullable = false, updatable = false)
  private String payload;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  /** For an application dead letter: the address it was meant for. */
  @Column(name = "original_address", updatable = false)
  private String originalAddress;

  /** For an application dead letter: why it could not be processed. */
  @Column(name = "dead_letter_reason", updatable = false)
  private String deadLetterReason;

  /** For an application dead letter: its sender as the broker authenticated them. */
  @Column(name = "original_sender", updatable = false)
  private String originalSender;

  /** Until when one server's relay has this row to itself (V20). */
  @Column(name = "claimed_until")
  private OffsetDateTime claimedUntil;

  /** Which server's relay that is (V38, {@link Claims}). */
  @Column(name = "claimed_by")
  private String claimedBy;

  @Column(name = "published_at")
  private OffsetDateTime publishedAt;

  /**
   * When the transaction that wrote this row committed, as its server's relay saw it (the row
   * handed over in memory); unknown for a row read back from the table.
   */
  @Transient private Instant committedAt;

  protected OutboxMessage() {}

  static OutboxMessage of(OutgoingMessage message, Instant now) {
    OutboxMessage row = new OutboxMessage();
    row.messageId = TimeOrderedIds.next(now);
    row.destination = message.destination();
    row.messageType = message.type();
    row.schemaVersion = message.schemaVersion();
    row.messageKey = message.key();
    row.payload = message.payload();
    row.createdAt = now.atOffset(ZoneOffset.UTC);
    row.originalAddress = message.originalAddress();
    row.deadLetterReason =
        message.deadLetterReason() == null || message.deadLetterReason().length() <= 1000
            ? message.deadLetterReason()
            : message.deadLetterReason().substring(0, 1000);
    row.originalSender = message.originalSender();
    // The writer's claim, in the same insert: no other server sends it meanwhile (Claims).
    row.claimedBy = Claims.THIS_SERVER;
    row.claimedUntil = row.createdAt.plus(Claims.WRITER);
    return row;
  }

  public String originalSender() {
    return originalSender;
  }

  public Long id() {
    return id;
  }

  public String originalAddress() {
    return originalAddress;
  }

  public String deadLetterReason() {
    return deadLetterReason;
  }

  public String messageId() {
    return messageId;
  }

  public String destination() {
    return destination;
  }

  public String messageType() {
    return messageType;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  public String messageKey() {
    return messageKey;
  }

  public String payload() {
    return payload;
  }

  /**
   * Whether this server may still start sending this row at {@code now}: its claim, the writer's or
   * one taken by a table read, has {@link Claims#LAST_CALL} left.
   */
  boolean maySend(Instant now) {
    return Claims.maySend(claimedUntil, now);
  }

  /** This row, detached, as claimed by a table read of this server until {@code until}. */
  void claimedUntil(OffsetDateTime until) {
    claimedBy = Claims.THIS_SERVER;
    claimedUntil = until;
  }

  /** A row handed over after its transaction committed at {@code at}. */
  void committedAt(Instant at) {
    committedAt = at;
  }

  /** When its transaction committed, if this row was handed over in memory. */
  public Optional<Instant> committedAt() {
    return Optional.ofNullable(committedAt);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }
}

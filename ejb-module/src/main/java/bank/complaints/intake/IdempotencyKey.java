package bank.complaints.intake;

import bank.complaints.complaint.Channel;
import bank.complaints.complaint.ComplaintId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A channel system's retry key: the first submission under it is remembered with a fingerprint of
 * what was submitted, so a retry returns the complaint it created and a different submission under
 * the same key is refused.
 */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey {

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "channel")
  private Channel channel;

  @Id
  @Column(name = "idem_key")
  private String key;

  @Column(name = "fingerprint", nullable = false, updatable = false)
  private String fingerprint;

  @Column(name = "complaint_id")
  private Long complaintId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected IdempotencyKey() {}

  IdempotencyKey(Channel channel, String key, String fingerprint, Instant createdAt) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.key = Objects.requireNonNull(key, "key");
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
  }

  void createdComplaint(ComplaintId complaintId) {
    this.complaintId = complaintId.value();
  }

  Key id() {
    return new Key(channel, key);
  }

  String fingerprint() {
    return fingerprint;
  }

  Long complaintId() {
    return complaintId;
  }

  /** The composite identity: channel and key. */
  public static class Key implements Serializable {
    private Channel channel;
    private String key;

    public Key() {}

    Key(Channel channel, String key) {
      this.channel = channel;
      this.key = key;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key that && that.channel == channel && Objects.equals(that.key, key);
    }

    @Override
    public int hashCode() {
      return Objects.hash(channel, key);
    }
  }
}

package bank.complaints.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** One audit record (R-S3). Inserted once, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  /** The longest reason kept (V34): one action's steps together (ADR 0009). */
  static final int REASON_LENGTH = 8000;

  // Ids in blocks of 1,000: the sequence's increment (V42, issue 18).
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 1000)
  @Column(name = "id")
  private Long id;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private OffsetDateTime recordedAt;

  @Column(name = "principal", nullable = false, updatable = false)
  private String principal;

  @Column(name = "actor", updatable = false)
  private String actor;

  @Column(name = "action", nullable = false, updatable = false)
  private String action;

  @Column(name = "subject", nullable = false, updatable = false)
  private String subject;

  @Column(name = "reason", updatable = false)
  private String reason;

  @Column(name = "request_id", nullable = false, updatable = false)
  private String requestId;

  /** The application's MAC over the entry, set at insert ({@link ChainHash#sealOf}). */
  @Column(name = "seal", updatable = false)
  private String seal;

  protected AuditEntry() {}

  AuditEntry(
      Instant at,
      String principal,
      String actor,
      String action,
      String subject,
      String reason,
      String requestId) {
    // Microseconds: what both databases keep, so the chained hash survives the round trip.
    this.recordedAt = at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    this.principal = clip(principal, 200);
    this.actor = clip(actor, 200);
    this.action = clip(action, 64);
    this.subject = clip(subject, 200);
    this.reason = clip(reason, REASON_LENGTH);
    this.requestId = clip(requestId, 100);
  }

  /** One line (a control character becomes a space: no forged line in an export), clipped. */
  private static String clip(String text, int max) {
    if (text == null) {
      return null;
    }
    // Issue 18: by hand, not String.replaceAll, which compiled its pattern on each of the six
    // fields of the three entries a registration writes.
    char[] line = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) { // \p{Cntrl}
        if (line == null) {
          line = text.toCharArray();
        }
        line[i] = ' ';
      }
    }
    String one = line == null ? text : new String(line);
    return one.length() <= max ? one : one.substring(0, max);
  }

  public long id() {
    return id;
  }

  public Instant recordedAt() {
    return recordedAt.toInstant();
  }

  public String principal() {
    return principal;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String subject() {
    return subject;
  }

  public String reason() {
    return reason;
  }

  public String requestId() {
    return requestId;
  }

  void seal(String seal) {
    this.seal = seal;
  }

  String seal() {
    return seal;
  }

  /** What the chain's hash covers, field by field, separated so that no two entries read alike. */
  String canonical() {
    return String.join(
        "\u001f",
        String.valueOf(id),
        recordedAt.toInstant().toString(),
        principal,
        actor == null ? "" : actor,
        action,
        subject,
        reason == null ? "" : reason,
        requestId);
  }
}

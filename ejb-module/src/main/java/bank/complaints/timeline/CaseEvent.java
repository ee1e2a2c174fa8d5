package bank.complaints.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a case's timeline (R-P3): what happened, when, who did it and why. Entries the
 * customer may see are marked; the others are internal notes.
 */
@Entity
@Table(name = "case_event")
public class CaseEvent {

  // Ids in blocks of 1,000: the sequence's increment (V42, issue 18).
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_event_seq")
  @SequenceGenerator(
      name = "case_event_seq",
      sequenceName = "case_event_seq",
      allocationSize = 1000)
  @Column(name = "id")
  private Long id;

  @Column(name = "complaint_id", nullable = false, updatable = false)
  private long complaintId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private OffsetDateTime occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false)
  private CaseEventKind kind;

  @Column(name = "actor", nullable = false, updatable = false)
  private String actor;

  @Column(name = "summary", nullable = false, updatable = false)
  private String summary;

  @Column(name = "customer_visible", nullable = false, updatable = false)
  private boolean customerVisible;

  @Column(name = "scheduled_for", updatable = false)
  private OffsetDateTime scheduledFor;

  protected CaseEvent() {}

  CaseEvent(
      long complaintId,
      Instant occurredAt,
      CaseEventKind kind,
      String actor,
      String summary,
      boolean customerVisible,
      Instant scheduledFor) {
    this.complaintId = complaintId;
    this.occurredAt = occurredAt.atOffset(ZoneOffset.UTC);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.actor = Objects.requireNonNull(actor, "actor");
    this.summary = Objects.requireNonNull(summary, "summary");
    this.customerVisible = customerVisible;
    this.scheduledFor = scheduledFor == null ? null : scheduledFor.atOffset(ZoneOffset.UTC);
  }

  public long complaintId() {
    return complaintId;
  }

  public Instant occurredAt() {
    return occurredAt.toInstant();
  }

  public CaseEventKind kind() {
    return kind;
  }

  public String actor() {
    return actor;
  }

  public String summary() {
    return summary;
  }

  public boolean customerVisible() {
    return customerVisible;
  }

  /** For an alert: when it was due to go out (the lag is the difference to occurredAt). */
  public Optional<Instant> scheduledFor() {
    return Optional.ofNullable(scheduledFor).map(OffsetDateTime::toInstant);
  }
}

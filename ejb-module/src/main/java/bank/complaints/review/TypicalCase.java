package bank.complaints.review;

import bank.complaints.complaint.ComplaintId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** R-M2: a case staff selected as typical for the quarterly analysis, with their comment. */
@Entity
@Table(name = "typical_case")
public class TypicalCase {

  @Id
  @Column(name = "complaint_id")
  private Long complaintId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private TypicalKind kind;

  @Column(name = "comment", nullable = false)
  private String comment;

  @Column(name = "flagged_by", nullable = false)
  private String flaggedBy;

  @Column(name = "flagged_at", nullable = false)
  private OffsetDateTime flaggedAt;

  protected TypicalCase() {}

  TypicalCase(ComplaintId complaintId, TypicalKind kind, String comment, String by, Instant at) {
    this.complaintId = complaintId.value();
    flag(kind, comment, by, at);
  }

  /** Flagged again: the latest kind and comment stand. */
  void flag(TypicalKind kind, String comment, String by, Instant at) {
    this.kind = kind;
    this.comment = comment;
    this.flaggedBy = by;
    this.flaggedAt = at.atOffset(ZoneOffset.UTC);
  }

  public long complaintId() {
    return complaintId;
  }

  public TypicalKind kind() {
    return kind;
  }

  public String comment() {
    return comment;
  }

  public String flaggedBy() {
    return flaggedBy;
  }

  public Instant flaggedAt() {
    return flaggedAt.toInstant();
  }
}

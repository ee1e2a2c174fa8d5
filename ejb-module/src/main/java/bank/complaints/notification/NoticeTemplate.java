package bank.complaints.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The bank's wording of one customer notice, with placeholders in braces. */
@Entity
@Table(name = "notice_template")
public class NoticeTemplate {

  @Id
  @Column(name = "name")
  private String name;

  @Column(name = "wording", nullable = false)
  private String wording;

  @Column(name = "updated_by")
  private String updatedBy;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  protected NoticeTemplate() {}

  public String name() {
    return name;
  }

  public String wording() {
    return wording;
  }

  public Optional<String> updatedBy() {
    return Optional.ofNullable(updatedBy);
  }

  public Optional<Instant> updatedAt() {
    return Optional.ofNullable(updatedAt).map(OffsetDateTime::toInstant);
  }

  void reword(String wording, String by, Instant at) {
    this.wording = wording;
    this.updatedBy = by;
    this.updatedAt = at.atOffset(ZoneOffset.UTC);
  }
}

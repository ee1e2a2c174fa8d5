package bank.complaints.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an uploaded evidence file, kept apart so that listing evidence never loads them. */
@Entity
@Table(name = "evidence_content")
public class EvidenceContent {

  @Id
  @Column(name = "evidence_id")
  private Long evidenceId;

  @Column(name = "content", nullable = false, updatable = false)
  private byte[] content;

  protected EvidenceContent() {}

  EvidenceContent(long evidenceId, byte[] content) {
    this.evidenceId = evidenceId;
    this.content = content;
  }

  byte[] content() {
    return content;
  }
}

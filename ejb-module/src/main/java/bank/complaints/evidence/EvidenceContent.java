package bank.complaints.evidence;

import bank.complaints.privacy.PersonalDataKeys;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The bytes of an uploaded evidence file, kept apart so that listing evidence never loads them, and
 * encrypted at rest (R-S2: screenshots show card and account numbers) under the personal-data key.
 * The SHA-256 in the register is of the plaintext, so the customer's own copy can be compared.
 */
@Entity
@Table(name = "evidence_content")
public class EvidenceContent {

  @Id
  @Column(name = "evidence_id")
  private Long evidenceId;

  @Column(name = "content", nullable = false, updatable = false)
  private byte[] content;

  protected EvidenceContent() {}

  EvidenceContent(long evidenceId, byte[] plaintext) {
    this.evidenceId = evidenceId;
    this.content = PersonalDataKeys.current().sealBytes(plaintext);
  }

  /** The file as uploaded; fails when the stored bytes were altered (the seal is authenticated). */
  byte[] content() {
    return PersonalDataKeys.current().openBytes(content);
  }
}

package bank.complaints.evidence;

import bank.complaints.complaint.ComplaintId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * R-I5: one registered item of a case's evidence, numbered 1, 2, 3… per case. Never changed once
 * registered: an uploaded file's SHA-256 is fixed at registration, so the stored bytes can be
 * checked against it at any time.
 */
@Entity
@Table(name = "evidence_item")
public class EvidenceItem {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_item_seq")
  @SequenceGenerator(
      name = "evidence_item_seq",
      sequenceName = "evidence_item_seq",
      allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "complaint_id", nullable = false, updatable = false)
  private long complaintId;

  @Column(name = "item_number", nullable = false, updatable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", nullable = false, updatable = false)
  private EvidenceSource source;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false)
  private EvidenceKind kind;

  @Column(name = "description", nullable = false, updatable = false)
  private String description;

  @Column(name = "link", updatable = false)
  private String link;

  @Column(name = "file_name", updatable = false)
  private String fileName;

  @Column(name = "content_type", updatable = false)
  private String contentType;

  @Column(name = "size_bytes", updatable = false)
  private Long sizeBytes;

  @Column(name = "sha256", updatable = false)
  private String sha256;

  @Column(name = "registered_by", nullable = false, updatable = false)
  private String registeredBy;

  @Column(name = "registered_at", nullable = false, updatable = false)
  private OffsetDateTime registeredAt;

  protected EvidenceItem() {}

  static EvidenceItem register(
      ComplaintId complaintId,
      int number,
      NewEvidence evidence,
      UploadedFile file,
      String registeredBy,
      Instant now) {
    if (evidence.link() != null && file != null) {
      throw new IllegalArgumentException("an item is a link or an uploaded file, not both");
    }
    EvidenceItem item = new EvidenceItem();
    item.complaintId = complaintId.value();
    item.number = number;
    item.source = evidence.source();
    item.kind = evidence.kind();
    item.description = evidence.description();
    item.link = evidence.link() == null ? null : evidence.link().toString();
    if (file != null) {
      item.fileName = file.fileName();
      item.contentType = file.contentType();
      item.sizeBytes = (long) file.content().length;
      item.sha256 = file.sha256();
    }
    item.registeredBy = registeredBy;
    item.registeredAt = now.atOffset(ZoneOffset.UTC);
    return item;
  }

  /** True when the bytes are the ones registered. */
  public boolean matches(byte[] content) {
    return sha256 != null && sha256.equals(UploadedFile.sha256(content));
  }

  public Long id() {
    return id;
  }

  public long complaintId() {
    return complaintId;
  }

  public int number() {
    return number;
  }

  public EvidenceSource source() {
    return source;
  }

  public EvidenceKind kind() {
    return kind;
  }

  public String description() {
    return description;
  }

  public Optional<URI> link() {
    return Optional.ofNullable(link).map(URI::create);
  }

  public boolean hasFile() {
    return sha256 != null;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public Long sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public String registeredBy() {
    return registeredBy;
  }

  public Instant registeredAt() {
    return registeredAt.toInstant();
  }
}

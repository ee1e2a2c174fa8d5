package bank.complaints.insight;

import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Channel;
import bank.complaints.grading.Category;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * R-X2: a mass complaint: several customers raising a similar issue through one channel in a short
 * time. It links their complaints, carries the one statement and the progress published to all of
 * them, and closes with an evaluation.
 */
@Entity
@Table(name = "incident")
public class Incident {

  /** Open while the task force works on it; closed with an evaluation. */
  public enum Status {
    OPEN,
    CLOSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
  @SequenceGenerator(name = "incident_seq", sequenceName = "incident_seq", allocationSize = 50)
  @Column(name = "id")
  private Long id;

  @Column(name = "similarity_key", nullable = false, updatable = false)
  private String similarityKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "channel", nullable = false, updatable = false)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "category", nullable = false, updatable = false)
  private Category category;

  @Column(name = "products", updatable = false)
  private String products;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private OffsetDateTime openedAt;

  @Column(name = "statement")
  private String statement;

  @Column(name = "statement_at")
  private OffsetDateTime statementAt;

  @Column(name = "progress")
  private String progress;

  @Column(name = "progress_at")
  private OffsetDateTime progressAt;

  @Column(name = "evaluation")
  private String evaluation;

  @Column(name = "closed_at")
  private OffsetDateTime closedAt;

  @Column(name = "closed_by")
  private String closedBy;

  @Version
  @Column(name = "version")
  private long version;

  protected Incident() {}

  Incident(String similarityKey, Channel channel, Category category, String products, Instant now) {
    this.similarityKey = similarityKey;
    this.channel = channel;
    this.category = category;
    this.products = products;
    this.status = Status.OPEN;
    this.openedAt = now.atOffset(ZoneOffset.UTC);
  }

  /** The one voice to the public: the statement every linked customer receives. */
  void publishStatement(String text, Instant now) {
    requireOpen();
    this.statement = text;
    this.statementAt = now.atOffset(ZoneOffset.UTC);
  }

  void publishProgress(String text, Instant now) {
    requireOpen();
    this.progress = text;
    this.progressAt = now.atOffset(ZoneOffset.UTC);
  }

  void close(String evaluation, String by, Instant now) {
    requireOpen();
    this.status = Status.CLOSED;
    this.evaluation = evaluation;
    this.closedBy = by;
    this.closedAt = now.atOffset(ZoneOffset.UTC);
  }

  private void requireOpen() {
    if (status != Status.OPEN) {
      throw new RuleViolationException("Incident " + id + " is closed.");
    }
  }

  public IncidentId id() {
    return id == null ? null : new IncidentId(id);
  }

  public Channel channel() {
    return channel;
  }

  public Category category() {
    return category;
  }

  public Optional<String> products() {
    return Optional.ofNullable(products);
  }

  public Status status() {
    return status;
  }

  String similarityKey() {
    return similarityKey;
  }

  public Instant openedAt() {
    return openedAt.toInstant();
  }

  public Optional<String> statement() {
    return Optional.ofNullable(statement);
  }

  public Optional<String> progress() {
    return Optional.ofNullable(progress);
  }

  public Optional<String> evaluation() {
    return Optional.ofNullable(evaluation);
  }

  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt).map(OffsetDateTime::toInstant);
  }
}

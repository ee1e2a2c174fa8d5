package bank.complaints.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A complaint changed since its statistics were last derived. */
@Entity
@Table(name = "stat_pending")
public class StatPending {

  // Ids in blocks of 1,000: the sequence's increment (V42, issue 18).
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stat_pending_seq")
  @SequenceGenerator(
      name = "stat_pending_seq",
      sequenceName = "stat_pending_seq",
      allocationSize = 1000)
  @Column(name = "id")
  private Long id;

  @Column(name = "complaint_id", nullable = false, updatable = false)
  private long complaintId;

  protected StatPending() {}

  public StatPending(long complaintId) {
    this.complaintId = complaintId;
  }
}

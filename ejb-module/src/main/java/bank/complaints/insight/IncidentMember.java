package bank.complaints.insight;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** R-X2: a complaint part of a mass-complaint incident (one at most). */
@Entity
@Table(name = "incident_member")
public class IncidentMember {

  @Id
  @Column(name = "complaint_id")
  private long complaintId;

  @Column(name = "incident_id", nullable = false, updatable = false)
  private long incidentId;

  protected IncidentMember() {}

  IncidentMember(long complaintId, long incidentId) {
    this.complaintId = complaintId;
    this.incidentId = incidentId;
  }

  public long complaintId() {
    return complaintId;
  }

  public long incidentId() {
    return incidentId;
  }
}

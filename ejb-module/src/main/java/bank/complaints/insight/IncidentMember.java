package bank.complaints.insight;

import bank.complaints.complaint.ComplaintId;
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

  IncidentMember(ComplaintId complaintId, IncidentId incidentId) {
    this.complaintId = complaintId.value();
    this.incidentId = incidentId.value();
  }

  public long complaintId() {
    return complaintId;
  }

  public IncidentId incidentId() {
    return new IncidentId(incidentId);
  }
}

package bank.complaints.insight;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row whose lock lets one registration at a time open an incident (R-X2). */
@Entity
@Table(name = "incident_opening_lock")
class IncidentOpeningLock {

  @Id
  @Column(name = "id")
  private Integer id;

  protected IncidentOpeningLock() {}
}

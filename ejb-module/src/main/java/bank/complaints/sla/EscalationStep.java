package bank.complaints.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * One rung of a policy's escalation ladder: who is alerted, and how long after the breach (in the
 * clock's measure; the first rung usually at the breach itself).
 */
@Embeddable
public class EscalationStep {

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient", nullable = false)
  private Recipient recipient;

  @Column(name = "after_breach", nullable = false)
  private String afterBreach;

  protected EscalationStep() {}

  public EscalationStep(Recipient recipient, Allowance afterBreach) {
    this.recipient = Objects.requireNonNull(recipient, "recipient");
    this.afterBreach = afterBreach.toString();
  }

  public Recipient recipient() {
    return recipient;
  }

  public Allowance afterBreach() {
    return Allowance.parse(afterBreach);
  }
}

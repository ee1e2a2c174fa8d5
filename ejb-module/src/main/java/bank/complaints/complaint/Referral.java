package bank.complaints.complaint;

import bank.complaints.common.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.Optional;

/** R-X3: a complaint beyond the bank's remit: the lawful routes offered, and the one chosen. */
@Embeddable
public class Referral {

  /** The routes offered, separated by commas. */
  @Column(name = "referral_offered")
  private String offered;

  @Column(name = "referral_chosen")
  private String chosen;

  protected Referral() {}

  Referral(List<String> offered, String chosen) {
    if (offered.isEmpty()) {
      throw new InvalidRequestException("A referral offers the customer at least one route.");
    }
    if (chosen != null && !offered.contains(chosen)) {
      throw new InvalidRequestException("The customer chooses among the routes offered.");
    }
    this.offered = String.join(",", offered);
    this.chosen = chosen;
  }

  public List<String> offered() {
    return offered == null ? List.of() : List.of(offered.split(","));
  }

  public Optional<String> chosen() {
    return Optional.ofNullable(chosen);
  }
}

package bank.complaints.complaint;

import bank.complaints.common.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * R-I4: the customer's demand, with the amount in CNY where there is one: a value, kept as part of
 * its complaint. It compares and prints as the record it was ({@code Demand[type=…, amount=…,
 * note=…]}), which an Idempotency-Key's fingerprint of earlier submissions relies on.
 */
@Embeddable
public class Demand {

  @Enumerated(EnumType.STRING)
  @Column(name = "demand_type")
  private DemandType type;

  /** CNY, to the fen. */
  @Column(name = "demand_amount")
  private BigDecimal amount;

  @Column(name = "demand_note")
  private String note;

  protected Demand() {}

  public Demand(DemandType type, Money amount, String note) {
    this.type = Objects.requireNonNull(type, "type");
    this.amount = amount == null ? null : amount.amount();
    this.note = note;
  }

  public DemandType type() {
    return type;
  }

  /** The amount, or null when the demand names none. */
  public Money amount() {
    return amount == null ? null : new Money(amount);
  }

  public String note() {
    return note;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Demand d
        && type == d.type
        && Objects.equals(amount(), d.amount())
        && Objects.equals(note, d.note);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, amount(), note);
  }

  @Override
  public String toString() {
    return "Demand[type=" + type + ", amount=" + amount() + ", note=" + note + "]";
  }
}

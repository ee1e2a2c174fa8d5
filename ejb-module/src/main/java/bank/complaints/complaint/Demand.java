package bank.complaints.complaint;

import bank.complaints.common.Money;
import java.util.Objects;

/** R-I4: the customer's demand, with the amount in CNY where there is one. */
public record Demand(DemandType type, Money amount, String note) {

  public Demand {
    Objects.requireNonNull(type, "type");
  }
}

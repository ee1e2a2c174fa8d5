package bank.complaints.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount of money in CNY, to the fen (two decimal places), never negative. */
public record Money(BigDecimal amount) {

  public static final String CURRENCY = "CNY";

  public Money {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("an amount of money is not negative: " + amount);
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("CNY has two decimal places: " + amount);
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** As a notice or timeline entry shows it, e.g. {@code 5000.00 CNY}. */
  public String shown() {
    return amount.toPlainString() + " " + CURRENCY;
  }

  public static Money cny(String amount) {
    return new Money(new BigDecimal(amount));
  }
}

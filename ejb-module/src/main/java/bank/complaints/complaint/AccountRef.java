package bank.complaints.complaint;

import bank.complaints.privacy.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * R-I3: an account or card the complaint concerns. A card number passes the Luhn check. Personal
 * data (R-S2): shown masked.
 */
@Embeddable
public class AccountRef {

  /** An account or a bank card. */
  public enum Kind {
    ACCOUNT,
    CARD
  }

  private static final Pattern DIGITS = Pattern.compile("\\d{10,19}");

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private Kind kind;

  /** R-S2: encrypted at rest. */
  @Convert(converter = Sealed.class)
  @Column(name = "account_number", nullable = false)
  private String number;

  protected AccountRef() {}

  public AccountRef(Kind kind, String number) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.number = Objects.requireNonNull(number, "number");
    if (!DIGITS.matcher(number).matches() || (kind == Kind.CARD && !luhn(number))) {
      throw new IllegalArgumentException("not a valid " + kind.name().toLowerCase() + " number");
    }
  }

  /** As stored (checked when it was submitted): read back, never refused. */
  static AccountRef stored(Kind kind, String number) {
    AccountRef account = new AccountRef();
    account.kind = kind;
    account.number = number;
    return account;
  }

  private static boolean luhn(String number) {
    int sum = 0;
    for (int i = 0; i < number.length(); i++) {
      int digit = number.charAt(number.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  public Kind kind() {
    return kind;
  }

  public String number() {
    return number;
  }

  @Override
  public String toString() {
    return kind + " ****"; // never the number
  }
}

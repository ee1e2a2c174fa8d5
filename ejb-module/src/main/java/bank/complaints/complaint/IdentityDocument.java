package bank.complaints.complaint;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * R-I3: the customer's identity document: a mainland resident ID card (18 characters, the last a
 * check character), a passport, or a business licence (the 18-character unified social credit
 * code). Personal data (R-S2): shown masked everywhere but where the full value is needed.
 */
public record IdentityDocument(Type type, String number) {

  /** The kinds of identity document intake accepts. */
  public enum Type {
    ID_CARD,
    PASSPORT,
    BUSINESS_LICENCE
  }

  private static final Pattern ID_CARD = Pattern.compile("\\d{17}[\\dX]");
  private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");
  private static final Pattern CREDIT_CODE =
      Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  public IdentityDocument {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(number, "number");
    boolean valid =
        switch (type) {
          case ID_CARD -> ID_CARD.matcher(number).matches() && idCardCheckHolds(number);
          case PASSPORT -> PASSPORT.matcher(number).matches();
          case BUSINESS_LICENCE -> CREDIT_CODE.matcher(number).matches();
        };
    if (!valid) {
      throw new IllegalArgumentException("not a valid " + type + " number");
    }
  }

  /** GB 11643: the 18th character checks the first 17. */
  private static boolean idCardCheckHolds(String number) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECK.charAt(sum % 11) == number.charAt(17);
  }

  @Override
  public String toString() {
    return type + " ****"; // never the number
  }
}

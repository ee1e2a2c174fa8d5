package bank.complaints.privacy;

import java.util.regex.Pattern;

/**
 * Masks personal data for responses, log lines and messages that do not need it in full (R-S2).
 * Keeps just enough for a person to recognise their own number.
 */
public final class Masking {

  private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{7,}");

  private Masking() {}

  /** A mobile number keeps its first three and last four digits: 13812345678 → 138****5678. */
  public static String mobile(String number) {
    return keep(number, 3, 4);
  }

  /** An identity, account or card number keeps its last four characters. */
  public static String identifier(String value) {
    return keep(value, 0, 4);
  }

  /**
   * Free text with any run of seven or more digits (a phone, card, account or ID number typed into
   * a note) masked as an identifier: "回电 13812345678" → "回电 *******5678".
   */
  public static String numbersIn(String text) {
    return text == null
        ? null
        : LONG_DIGIT_RUN.matcher(text).replaceAll(m -> identifier(m.group()));
  }

  /** An e-mail address keeps the first character of its local part and its domain. */
  public static String email(String address) {
    if (address == null) {
      return null;
    }
    int at = address.indexOf('@');
    return at <= 0 ? keep(address, 0, 0) : address.charAt(0) + "***" + address.substring(at);
  }

  private static String keep(String value, int head, int tail) {
    if (value == null) {
      return null;
    }
    int length = value.length();
    if (length <= head + tail) {
      return "*".repeat(length);
    }
    return value.substring(0, head)
        + "*".repeat(length - head - tail)
        + value.substring(length - tail);
  }
}

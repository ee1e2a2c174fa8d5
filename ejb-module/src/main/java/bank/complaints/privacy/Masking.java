package bank.complaints.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data for responses, log lines and messages that do not need it in full (R-S2).
 * Keeps just enough for a person to recognise their own number.
 */
public final class Masking {

  /**
   * A complaint number (kept) or a number typed into text: runs of three or more digits, joined by
   * single spaces or hyphens as people write cards ("6222 0202 …") and phones ("138-1234-5678"),
   * the last group perhaps shorter ("3100 1234 5678 90"). Dates ("2026-12-01") do not qualify:
   * their groups are too short, or too few digits in all.
   */
  private static final Pattern NUMBER_IN_TEXT =
      Pattern.compile(
          "(?<![0-9A-Za-z])C\\d{8}-\\d{7,}|(?<!\\d)\\d{3,}(?:[ -]\\d{3,})*(?:[ -]\\d{1,2})?(?!\\d)");

  private static final int DIGITS_MASKED_FROM = 7;

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
   * Free text with every number of seven or more digits (a phone, card, account or ID number typed
   * into a note, also written in groups) masked but its last four digits: "回电 13812345678" → "回电
   * *******5678", "6222 0202 0011 2233 446" → "**** **** **** ***3 446". Complaint numbers stay.
   */
  public static String numbersIn(String text) {
    if (text == null || fewerDigitsThanMasked(text)) {
      return text; // issue 18: most texts hold no such number, and the pattern costs its matcher
    }
    return NUMBER_IN_TEXT
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(digits(m.group())));
  }

  private static boolean fewerDigitsThanMasked(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i)) && ++digits >= DIGITS_MASKED_FROM) {
        return false;
      }
    }
    return true;
  }

  private static String digits(String number) {
    if (number.startsWith("C")) {
      return number;
    }
    long count = number.chars().filter(Character::isDigit).count();
    if (count < DIGITS_MASKED_FROM) {
      return number;
    }
    StringBuilder masked = new StringBuilder(number);
    long toMask = count - 4;
    for (int i = 0; i < masked.length() && toMask > 0; i++) {
      if (Character.isDigit(masked.charAt(i))) {
        masked.setCharAt(i, '*');
        toMask--;
      }
    }
    return masked.toString();
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

package bank.complaints.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The complaint number a customer reads out over the phone: {@code C} + the day it was received in
 * the bank's zone + a serial, e.g. {@code C20261123-0000042}. Digits only after the letter, unique
 * (the serial is the case's database identity), and sortable by date.
 */
public record ComplaintNumber(String value) implements Comparable<ComplaintNumber> {

  private static final Pattern FORMAT = Pattern.compile("C\\d{8}-\\d{7,}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  public ComplaintNumber {
    Objects.requireNonNull(value, "complaint number");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a complaint number: " + value);
    }
  }

  public static ComplaintNumber issue(Instant receivedAt, ZoneId bankZone, long serial) {
    if (serial < 0) {
      throw new IllegalArgumentException("serial must not be negative");
    }
    LocalDate day = receivedAt.atZone(bankZone).toLocalDate();
    return new ComplaintNumber("C" + DAY.format(day) + "-" + String.format("%07d", serial));
  }

  /** Parses what a caller sent; {@code null} when it cannot be a complaint number. */
  public static ComplaintNumber parseOrNull(String text) {
    return text != null && FORMAT.matcher(text).matches() ? new ComplaintNumber(text) : null;
  }

  @Override
  public int compareTo(ComplaintNumber other) {
    int byDay = day().compareTo(other.day());
    return byDay != 0 ? byDay : Long.compare(serial(), other.serial());
  }

  private String day() {
    return value.substring(1, 9);
  }

  private long serial() {
    return Long.parseLong(value.substring(10));
  }

  @Override
  public String toString() {
    return value;
  }
}

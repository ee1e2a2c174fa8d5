package bank.complaints.api;

import bank.complaints.complaint.ComplaintNotFoundException;
import bank.complaints.complaint.ComplaintNumber;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Reads path and query parameters the way every resource should: an unknown value in a path names a
 * resource that does not exist (404); in a query it is a bad request (400). Messages quote at most
 * a few characters of what was sent.
 */
public final class Params {

  private Params() {}

  /** A path segment naming one of {@code type}'s constants; 404 otherwise. */
  public static <E extends Enum<E>> E pathEnum(String text, Class<E> type) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No " + type.getSimpleName() + " '" + abbreviate(text) + "'.");
    }
  }

  /** An optional query parameter naming one of {@code type}'s constants; 400 otherwise. */
  public static <E extends Enum<E>> E queryEnum(String name, String text, Class<E> type) {
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "'" + name + "' must be one of " + Arrays.toString(type.getEnumConstants()) + ".");
    }
  }

  /** A query parameter holding a date (ISO-8601, e.g. 2026-11-23); 400 otherwise. */
  public static LocalDate queryDate(String name, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequestException("'" + name + "' must be a date, e.g. 2026-11-23.");
    }
  }

  /** A query parameter holding a whole number from 1 to {@code max}; 400 otherwise. */
  public static int queryLimit(String name, String text, int max) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new BadRequestException("'" + name + "' must be a number from 1 to " + max + ".");
  }

  /** A path segment holding a whole number (a row's id); 404 otherwise. */
  public static long pathId(String text, String what) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new NotFoundException("No " + what + " '" + abbreviate(text) + "'.");
    }
  }

  /** A complaint number from the path; one that cannot exist is simply not found (404). */
  public static ComplaintNumber complaintNumber(String text) {
    ComplaintNumber parsed = ComplaintNumber.parseOrNull(text);
    if (parsed == null) {
      throw new ComplaintNotFoundException(abbreviate(text));
    }
    return parsed;
  }

  public static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}

package bank.complaints.system;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test customers that never collide: every mobile, ID card and card number a test submits is made
 * here from a run prefix and a counter, so that no two tests' complaints read as one customer's
 * repeat complaints (R-X1) and no test depends on another's data. The run prefix (three digits from
 * the minute the run started) keeps numbers apart across runs that share a database; the counter
 * keeps them apart within a run.
 */
final class Customers {

  /** 000–999: the minute the test JVM started, modulo 1,000 (≈ 16 hours apart before a repeat). */
  static final int RUN = (int) ((System.currentTimeMillis() / 60_000) % 1_000);

  private static final AtomicInteger MOBILES = new AtomicInteger();
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final AtomicInteger CARDS = new AtomicInteger();
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  private Customers() {}

  /** A mainland mobile, {@code 15} + run + six-digit counter: a million per run. */
  static String mobile() {
    return "15" + String.format("%03d%06d", RUN, next(MOBILES, 1_000_000));
  }

  /**
   * A valid mainland ID card number (GB 11643 check character): the birth date steps a day per
   * thousand numbers from a date of the run's own, the sequence is the counter's last three digits.
   */
  static String idCard() {
    int n = next(IDS, 10_000);
    LocalDate born = LocalDate.of(1950, 1, 1).plusDays(RUN * 10L + n / 1_000);
    String body = "110105" + born.toString().replace("-", "") + String.format("%03d", n % 1_000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  /** A Luhn-valid 16-digit UnionPay card number: {@code 622202} + run + six-digit counter. */
  static String card() {
    String body = "622202" + String.format("%03d%06d", RUN, next(CARDS, 1_000_000));
    return body + luhnCheckDigit(body);
  }

  private static int next(AtomicInteger counter, int limit) {
    int n = counter.getAndIncrement();
    if (n >= limit) {
      throw new IllegalStateException("more than " + limit + " test customers in one run");
    }
    return n;
  }

  private static int luhnCheckDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int digit = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return (10 - sum % 10) % 10;
  }
}

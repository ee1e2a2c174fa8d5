package bank.complaints.system;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The date the system under test lives on. A run may shift the server's clock
 * (COMPLAINTS_CLOCK_SHIFT, an ISO-8601 duration, read by the application as {@code
 * complaints.clock.shift}), e.g. into a holiday block; tests that speak of "now", "today" or "this
 * month" ask here, never the machine, so they agree with the server. Tokens keep the real time:
 * their signature check is the server's, not the application's.
 */
final class TestClock {

  static final ZoneId BANK = ZoneId.of("Asia/Shanghai");

  static final Duration SHIFT = shift();

  private TestClock() {}

  /** Now, as the server sees it, in the bank's offset. */
  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC)
        .plus(SHIFT)
        .atZoneSameInstant(BANK)
        .toOffsetDateTime();
  }

  static LocalDate today() {
    return now().toLocalDate();
  }

  static YearMonth thisMonth() {
    return YearMonth.from(today());
  }

  private static Duration shift() {
    String shift = System.getenv("COMPLAINTS_CLOCK_SHIFT");
    return shift == null || shift.isBlank() ? Duration.ZERO : Duration.parse(shift);
  }
}

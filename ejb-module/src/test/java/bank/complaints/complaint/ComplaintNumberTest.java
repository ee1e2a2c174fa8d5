package bank.complaints.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ComplaintNumberTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  @DisplayName("R-I6 the number carries the day of receipt in the bank's zone, not in UTC")
  void dayIsTheBanksDay() {
    Instant lateEveningUtc = Instant.parse("2026-11-22T17:30:00Z"); // 01:30 on the 23rd in Shanghai
    assertEquals("C20261123-0000042", ComplaintNumber.issue(lateEveningUtc, SHANGHAI, 42).value());
    assertEquals(
        "C20261122-0000042", ComplaintNumber.issue(lateEveningUtc, ZoneId.of("UTC"), 42).value());
  }

  @Test
  @DisplayName("R-I6 month, day and serial are zero-padded; a serial past seven digits is whole")
  void paddedAndWhole() {
    Instant january = Instant.parse("2027-01-04T20:00:00Z"); // the 5th in Shanghai
    assertEquals("C20270105-0000000", ComplaintNumber.issue(january, SHANGHAI, 0).value());
    assertEquals("C20270105-0000007", ComplaintNumber.issue(january, SHANGHAI, 7).value());
    assertEquals("C20270105-9999999", ComplaintNumber.issue(january, SHANGHAI, 9_999_999).value());
    assertEquals(
        "C20270105-12345678", ComplaintNumber.issue(january, SHANGHAI, 12_345_678).value());
  }

  @Test
  @DisplayName(
      "R-I6 numbers sort by day, then by serial, even when the serial outgrows seven digits")
  void sortsByDayThenSerial() {
    ComplaintNumber a = new ComplaintNumber("C20261122-9999999");
    ComplaintNumber b = new ComplaintNumber("C20261123-0000002");
    ComplaintNumber c = new ComplaintNumber("C20261123-0000010");
    ComplaintNumber d = new ComplaintNumber("C20261123-10000000");
    List<ComplaintNumber> numbers = new ArrayList<>(List.of(d, c, a, b));
    Collections.sort(numbers);
    assertEquals(List.of(a, b, c, d), numbers);
  }

  @Test
  void rejectsWhatIsNotANumber() {
    assertThrows(IllegalArgumentException.class, () -> new ComplaintNumber("C2026-1"));
    assertThrows(
        IllegalArgumentException.class, () -> ComplaintNumber.issue(Instant.EPOCH, SHANGHAI, -1));
    assertNull(ComplaintNumber.parseOrNull("'; drop table complaint; --"));
    assertNull(ComplaintNumber.parseOrNull(null));
    assertTrue(ComplaintNumber.parseOrNull("C20261123-0000001") != null);
  }
}

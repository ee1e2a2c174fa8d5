package bank.complaints.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private static AuditEntry entry(String reason, String action) {
    return new AuditEntry(Instant.EPOCH, "channel:mobile", "actor", action, "C1", reason, "req-1");
  }

  @Test
  @DisplayName("an audit line holds no control character: no forged line in an export")
  void controlCharactersBecomeSpaces() {
    AuditEntry entry = entry("first\nforged line\r\tend\u007f\u0000", "REGISTERED");
    assertEquals("first forged line  end  ", entry.reason());
  }

  @Test
  @DisplayName("a clean value is kept as it is, non-ASCII text included; a long one is clipped")
  void cleanKeptLongClipped() {
    String clean = "客户来电：已登记 (ok)";
    assertSame(clean, entry(clean, "REGISTERED").reason());
    assertEquals(64, entry("r", "A".repeat(80)).action().length());
  }
}

package bank.complaints.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The 2026 mainland-China public holidays and make-up working days as the State Council published
 * them, on the default weekly hours (Mon–Fri 09:00–17:00, Asia/Shanghai): a real year for the
 * calendar tests.
 */
public final class ChinaMainland2026 {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private ChinaMainland2026() {}

  public static BusinessCalendar calendar() {
    BusinessCalendar standard = BusinessCalendar.standard(SHANGHAI);
    Set<LocalDate> holidays = new HashSet<>();
    addRange(holidays, "2026-01-01", "2026-01-03"); // New Year
    addRange(holidays, "2026-02-15", "2026-02-23"); // Spring Festival
    addRange(holidays, "2026-04-04", "2026-04-06"); // Qingming
    addRange(holidays, "2026-05-01", "2026-05-05"); // Labour Day
    addRange(holidays, "2026-06-19", "2026-06-21"); // Dragon Boat
    addRange(holidays, "2026-09-25", "2026-09-27"); // Mid-Autumn
    addRange(holidays, "2026-10-01", "2026-10-07"); // National Day
    Set<LocalDate> makeUpDays = new HashSet<>();
    for (String day :
        List.of(
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")) {
      makeUpDays.add(LocalDate.parse(day));
    }
    return standard.withSpecialDays(holidays, makeUpDays);
  }

  private static void addRange(Set<LocalDate> days, String first, String last) {
    for (LocalDate day = LocalDate.parse(first);
        !day.isAfter(LocalDate.parse(last));
        day = day.plusDays(1)) {
      days.add(day);
    }
  }
}

package bank.complaints.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock (UTC) and the bank's zone, in which times are shown and days are counted.
 *
 * <p>{@code complaints.clock.shift} (an ISO-8601 duration, default none) runs the platform as if it
 * were that much later: a rehearsal of a holiday block or a month's end on a test system, and the
 * system tests' run on a date of their choosing. Production leaves it at {@code PT0S}.
 */
@ApplicationScoped
public class Clocks {

  @Inject
  @ConfigProperty(name = "complaints.zone")
  String zone;

  @Inject
  @ConfigProperty(name = "complaints.clock.shift", defaultValue = "PT0S")
  String shift;

  /** Ticks in microseconds: what both databases store, so a time reads back as it was written. */
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.tick(
        Clock.offset(Clock.systemUTC(), Duration.parse(shift)), Duration.ofNanos(1_000));
  }

  @Produces
  @BankZone
  ZoneId bankZone() {
    return ZoneId.of(zone);
  }
}

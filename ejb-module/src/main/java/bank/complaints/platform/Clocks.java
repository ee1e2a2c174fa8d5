package bank.complaints.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one clock (UTC) and the bank's zone, in which times are shown and days are counted. */
@ApplicationScoped
public class Clocks {

  @Inject
  @ConfigProperty(name = "complaints.zone")
  String zone;

  /** Ticks in microseconds: what both databases store, so a time reads back as it was written. */
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

  @Produces
  @BankZone
  ZoneId bankZone() {
    return ZoneId.of(zone);
  }
}

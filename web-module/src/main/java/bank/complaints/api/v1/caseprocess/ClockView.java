package bank.complaints.api.v1.caseprocess;

import bank.complaints.sla.SlaClock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stage's deadline clock, times in the bank's zone. */
@Schema(name = "Clock")
public record ClockView(
    @Schema(example = "INVESTIGATION") String stage,
    @Schema(example = "RUNNING") String state,
    @Schema(example = "WORKING_TIME") String measure,
    OffsetDateTime startedAt,
    OffsetDateTime dueAt,
    @Schema(description = "The next warning or escalation, absent when none is pending")
        OffsetDateTime nextAlertAt,
    boolean warned,
    int escalations,
    @Schema(
            example = "PT16H",
            description = "Time not counted while paused, in the clock's measure")
        String pausedTotal,
    @Schema(example = "PT8H") String extended,
    OffsetDateTime stoppedAt) {

  static ClockView of(SlaClock clock, ZoneId zone) {
    return new ClockView(
        clock.stage().name(),
        clock.state().name(),
        clock.measure().name(),
        clock.startedAt().atZone(zone).toOffsetDateTime(),
        clock.dueAt().atZone(zone).toOffsetDateTime(),
        clock.nextAction().map(t -> t.atZone(zone).toOffsetDateTime()).orElse(null),
        clock.warned(),
        clock.escalationsSent(),
        clock.pausedTotal().toString(),
        clock.extended().toString(),
        clock.stoppedAt().map(t -> t.atZone(zone).toOffsetDateTime()).orElse(null));
  }
}

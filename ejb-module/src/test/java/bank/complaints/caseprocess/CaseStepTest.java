package bank.complaints.caseprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.complaint.ComplaintStatus;
import bank.complaints.notification.Notice;
import bank.complaints.sla.SlaStage;
import bank.complaints.tasks.TaskKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The case process table checked against the status table, without a container: every step moves
 * only where the status table allows, every move the status table allows is some step, and every
 * clock a step starts is stopped by a later step.
 */
class CaseStepTest {

  @Test
  void R_P4_every_step_moves_only_where_the_status_table_allows() {
    for (CaseStep step : CaseStep.values()) {
      for (ComplaintStatus from : step.allowedIn()) {
        step.movesTo()
            .ifPresent(
                to ->
                    assertTrue(
                        from.canMoveTo(to),
                        step + " moves " + from + " to " + to + ", which ComplaintStatus refuses"));
      }
      assertFalse(step.allowedIn().isEmpty(), step + " is allowed in no state");
    }
  }

  @Test
  void R_P4_every_move_of_the_status_table_is_a_step() {
    Set<List<ComplaintStatus>> taken = new HashSet<>();
    for (CaseStep step : CaseStep.values()) {
      step.movesTo()
          .ifPresent(to -> step.allowedIn().forEach(from -> taken.add(List.of(from, to))));
    }
    List<List<ComplaintStatus>> missing = new ArrayList<>();
    for (ComplaintStatus from : ComplaintStatus.values()) {
      for (ComplaintStatus to : from.next()) {
        if (!taken.contains(List.of(from, to))) {
          missing.add(List.of(from, to));
        }
      }
    }
    assertEquals(List.of(), missing, "moves no step takes");
  }

  @Test
  void R_F9_nothing_is_done_to_an_archived_case() {
    for (CaseStep step : CaseStep.values()) {
      assertFalse(step.allowedIn(ComplaintStatus.ARCHIVED), step + " on an archived case");
    }
  }

  @Test
  void R_P1_every_clock_a_step_starts_is_stopped_by_a_step() {
    Set<SlaStage> stopped = EnumSet.noneOf(SlaStage.class);
    for (CaseStep step : CaseStep.values()) {
      stopped.addAll(step.stops());
    }
    for (CaseStep step : CaseStep.values()) {
      for (SlaStage started : step.starts()) {
        assertTrue(
            stopped.contains(started), step + " starts " + started + ", which no step stops");
      }
    }
  }

  @Test
  void R_P4_a_reopening_goes_back_to_the_investigation_and_tells_the_customer() {
    List<CaseStep> reopening = new ArrayList<>();
    for (CaseStep step : CaseStep.values()) {
      if (step.reopens()) {
        reopening.add(step);
        assertEquals(ComplaintStatus.INVESTIGATING, step.movesTo().orElseThrow(), step.name());
        assertEquals(List.of(SlaStage.INVESTIGATION), step.starts(), step.name());
        assertEquals(Notice.REOPENED.kind(), step.notice().orElseThrow(), step.name());
      }
    }
    assertEquals(List.of(CaseStep.CUSTOMER_OBJECTS, CaseStep.REOPEN_AFTER_FOLLOW_UP), reopening);
  }

  @Test
  void R_F1_R_F5_R_F7_R_F8_the_departments_work_comes_from_the_steps_that_give_it() {
    Set<TaskKind> given = EnumSet.noneOf(TaskKind.class);
    for (CaseStep step : CaseStep.values()) {
      step.task().ifPresent(given::add);
    }
    assertEquals(
        EnumSet.of(
            TaskKind.ASSIGNMENT,
            TaskKind.CONSULTATION,
            TaskKind.RESULT_NOTICE,
            TaskKind.EXECUTION,
            TaskKind.FOLLOW_UP_CALL),
        given);
    assertEquals(TaskKind.FOLLOW_UP_CALL, CaseStep.EXECUTED.task().orElseThrow());
    assertEquals(TaskKind.EXECUTION, CaseStep.CUSTOMER_ACCEPTS.task().orElseThrow());
  }
}

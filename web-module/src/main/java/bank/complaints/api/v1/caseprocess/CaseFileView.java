package bank.complaints.api.v1.caseprocess;

import bank.complaints.api.v1.complaint.ComplaintView;
import bank.complaints.api.v1.evidence.EvidenceView;
import bank.complaints.caseprocess.CaseFile;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * R-F9: a case's whole file as one record: the complaint, its resolutions and approvals, the tasks
 * and their results, the deadlines, the evidence register (each file's SHA-256), and the full
 * timeline with internal notes. Personal data stays masked (R-S2).
 */
@Schema(name = "CaseFile")
public record CaseFileView(
    ComplaintView complaint,
    List<ResolutionView> resolutions,
    List<Task> tasks,
    List<ClockView> clocks,
    @Schema(description = "R-F9 R-I5: the evidence register, with each uploaded file's SHA-256")
        List<EvidenceView> evidence,
    List<Entry> timeline) {

  /** A task and its result. */
  @Schema(name = "CaseFileTask")
  public record Task(
      String taskId,
      @Schema(example = "EXECUTION") String kind,
      String department,
      @Schema(example = "DONE") String status,
      String ask,
      String outcome,
      @Schema(example = "SATISFIED") String satisfaction,
      @Schema(description = "R-F8: on a follow-up call, whether the problem is really solved")
          Boolean problemSolved,
      String completedBy,
      OffsetDateTime completedAt,
      OffsetDateTime dueAt) {}

  /** A timeline entry, internal ones included. */
  @Schema(name = "CaseFileEntry")
  public record Entry(
      OffsetDateTime at, String kind, String actor, String what, boolean customerVisible) {}

  static CaseFileView of(CaseFile file, List<EvidenceView> evidence, ZoneId zone) {
    return new CaseFileView(
        ComplaintView.of(file.complaint(), file.membership(), zone),
        file.resolutions().stream().map(r -> ResolutionView.of(r, zone)).toList(),
        file.tasks().stream()
            .map(
                t ->
                    new Task(
                        t.id(),
                        t.kind().name(),
                        t.department().value(),
                        t.status().name(),
                        t.ask(),
                        t.outcome(),
                        t.satisfaction() == null ? null : t.satisfaction().name(),
                        t.problemSolved(),
                        t.completedBy(),
                        t.completedAt() == null
                            ? null
                            : t.completedAt().atZone(zone).toOffsetDateTime(),
                        t.dueAt().atZone(zone).toOffsetDateTime()))
            .toList(),
        file.clocks().stream().map(c -> ClockView.of(c, zone)).toList(),
        evidence,
        file.timeline().stream()
            .map(
                e ->
                    new Entry(
                        e.occurredAt().atZone(zone).toOffsetDateTime(),
                        e.kind().name(),
                        e.actor(),
                        e.summary(),
                        e.customerVisible()))
            .toList());
  }
}

package bank.complaints.api.v1.caseprocess;

import bank.complaints.caseprocess.PauseReason;
import bank.complaints.grading.Category;
import bank.complaints.grading.CauseTag;
import bank.complaints.grading.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the handling steps on a case. */
public final class CaseStepRequests {

  private CaseStepRequests() {}

  /** R-I7: that the customer was contacted (by whoever is signed in), and a note. */
  @Schema(name = "CustomerContact")
  public static class CustomerContact {

    @Size(max = 1000)
    @Schema(example = "电话联系客户，告知处理流程和预计时间。")
    public String note;
  }

  /** R-F2: the investigation plan (its investigator is whoever is signed in). */
  @Schema(name = "InvestigationStart")
  public static class InvestigationStart {

    @NotBlank
    @Size(max = 4000)
    @Schema(example = "调取交易流水与监控录像，联系卡中心核实扣费规则。")
    public String plan;
  }

  /** R-I7, R-F2: why the case is complex. */
  @Schema(name = "ComplexCase")
  public static class ComplexCase {

    @NotBlank
    @Size(max = 500)
    @Schema(example = "涉及三个部门与外部鉴定，需核对两年交易记录。")
    public String reason;
  }

  /** R-F2: the first findings told to the customer. */
  @Schema(name = "FirstFindings")
  public static class FirstFindings {

    @NotBlank
    @Size(max = 2000)
    @Schema(example = "经初步核查，该笔年费系系统重复扣收，正在办理退款审批。")
    public String findings;

    @Schema(
        description =
            "When the final result is expected; by default the investigation's deadline. Must lie"
                + " in the future.")
    public java.time.OffsetDateTime expectedBy;
  }

  /** Why the clock stops counting. */
  @Schema(name = "ClockPause")
  public static class ClockPause {

    @NotNull public PauseReason reason;

    @Size(max = 1000)
    public String note;
  }

  /** R-F2: an extension, approved by whoever is signed in (an approving role). */
  @Schema(name = "DeadlineExtension")
  public static class DeadlineExtension {
    @NotNull
    @Pattern(
        regexp = "P(\\d{1,3}D)?(T(\\d{1,4}H)?(\\d{1,5}M)?(\\d{1,6}S)?)?",
        message = "must be an ISO-8601 duration of days and time, e.g. P2D or PT4H")
    @Schema(
        example = "P2D",
        description = "In the clock's measure: on a working-time clock P1D is one working day")
    public String extension;

    @NotBlank
    @Size(max = 1000)
    @Schema(example = "需调取外部鉴定结果。")
    public String reason;
  }

  /** R-G1, R-G2: a new severity and category, with the reason. */
  @Schema(name = "Regrading")
  public static class Regrading {
    @NotNull
    @Schema(example = "YELLOW")
    public Severity severity;

    @NotNull
    @Schema(example = "FEES")
    public Category category;

    @NotBlank
    @Size(max = 1000)
    @Schema(example = "客户损失超过首次评估")
    public String reason;
  }

  /** R-G3: the cause tags, replacing those there were. */
  @Schema(name = "CauseTagging")
  public static class CauseTagging {
    @NotNull
    @Size(max = 10)
    @Schema(example = "[\"LONG_WAIT_SIMPLE_BUSINESS\", \"CLOSED_COUNTERS\"]")
    public List<@NotNull CauseTag> tags;

    @NotBlank
    @Size(max = 1000)
    @Schema(example = "调阅监控：当时仅开一个窗口，客户排队 50 分钟办理挂失")
    public String reason;
  }
}

package bank.complaints.api.v1.caseprocess;

import bank.complaints.caseprocess.Approver;
import bank.complaints.caseprocess.ApproverRole;
import bank.complaints.caseprocess.ReferralRoute;
import bank.complaints.caseprocess.ResolutionProposal;
import bank.complaints.caseprocess.ResolutionType;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.Money;
import bank.complaints.tasks.Satisfaction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the lifecycle steps after investigation (R-F3…R-F9, R-X3). */
public final class LifecycleRequests {

  private LifecycleRequests() {}

  /** R-F3: the proposed resolution. */
  @Schema(name = "ResolutionProposal")
  public static class Proposal {
    @NotNull
    @Schema(example = "FEE_WAIVER_OR_REFUND")
    public ResolutionType type;

    @DecimalMin(value = "0.00", message = "must not be negative")
    @Digits(integer = 13, fraction = 2, message = "must be CNY with at most two decimals")
    @Schema(example = "300.00", description = "CNY; required for refunds, compensation and fees")
    public BigDecimal amount;

    @NotBlank
    @Size(max = 2000)
    @Schema(example = "系统重复扣收年费，属本行差错")
    public String conclusion;

    @NotBlank
    @Size(max = 500)
    @Schema(example = "《信用卡章程》第十二条 年费每年收取一次")
    public String ruleReliedOn;

    @NotBlank
    @Size(max = 1000)
    @Schema(example = "3 个工作日内退回多扣年费至信用卡账户")
    public String howCarriedOut;

    ResolutionProposal toProposal() {
      try {
        return new ResolutionProposal(
            type,
            amount == null ? null : new Money(amount),
            conclusion.strip(),
            ruleReliedOn.strip(),
            howCarriedOut.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(e.getMessage() + ".");
      }
    }
  }

  /** R-F4: the signed-in approver's decision, at the place in the chain of the role named. */
  @Schema(name = "ApprovalDecision")
  public static class Decision {
    /** Approve, or send the proposal back to the investigation. */
    public enum Verdict {
      APPROVE,
      REJECT
    }

    @NotNull
    @Schema(example = "BRANCH_VICE_PRESIDENT")
    public ApproverRole role;

    @NotNull
    @Schema(example = "APPROVE")
    public Verdict decision;

    @NotBlank
    @Size(max = 1000)
    @Schema(example = "调查充分，同意补偿")
    public String reason;
  }

  /** A member of staff: the handler named for a case (R-P2 checks them against the complaint). */
  @Schema(name = "StaffMember")
  public static class Person {
    @NotBlank
    @Size(max = 100)
    @Schema(example = "副行长 周九")
    public String name;

    @NotNull
    @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be 1–32 letters, digits or -")
    @Schema(example = "E20001")
    public String employeeId;

    @Size(max = 100)
    @Schema(example = "北京分行")
    public String unit;

    Approver toApprover() {
      return new Approver(name.strip(), employeeId, unit == null ? null : unit.strip());
    }
  }

  /** R-F6: the customer's answer, as the channel or the handler recorded it. */
  @Schema(name = "CustomerAnswer")
  public static class CustomerAnswer {
    @NotNull
    @Schema(example = "true")
    public Boolean accepted;

    @Size(max = 1000)
    @Schema(example = "补偿金额过低", description = "Required for an objection")
    public String reason;

    @NotBlank
    @Size(max = 100)
    @Schema(example = "手机银行 channel")
    public String recordedBy;
  }

  /** A department's result for a task (idempotent by task id). */
  @Schema(name = "TaskResult")
  public static class TaskResult {
    @NotBlank
    @Size(max = 2000)
    @Schema(example = "已退回年费 300.00 元")
    public String outcome;

    @Schema(example = "SATISFIED", description = "R-F8: required for a follow-up call")
    public Satisfaction satisfaction;

    @Schema(
        example = "true",
        description = "R-F8: required for a follow-up call: is the problem really solved?")
    public Boolean problemSolved;

    @NotBlank
    @Size(max = 100)
    @Schema(example = "信用卡中心 吴十")
    public String by;
  }

  /** R-X3: the routes offered and the customer's choice. */
  @Schema(name = "Referral")
  public static class Referral {
    @NotEmpty
    @Size(max = 4)
    @Schema(example = "[\"MEDIATION\", \"ARBITRATION\"]")
    public List<@NotNull ReferralRoute> offered;

    @Schema(example = "MEDIATION", description = "One of the routes offered, if the customer chose")
    public ReferralRoute chosen;

    @NotBlank
    @Size(max = 1000)
    @Schema(example = "损失由第三方商户造成，超出本行责任范围")
    public String why;
  }

  /** R-F1: to which department the case moves, and why. */
  @Schema(name = "Reassignment")
  public static class Reassignment {
    @NotNull
    @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}", message = "must be a department code")
    @Schema(example = "CARDS")
    public String department;

    @NotBlank
    @Size(max = 1000)
    @Schema(example = "涉及信用卡账务，转信用卡中心")
    public String reason;
  }

  /** R-P2: who handles the case. */
  @Schema(name = "HandlerAssignment")
  public static class HandlerAssignment {
    @NotNull @Valid public Person handler;
  }

  /** R-F2: which department is asked, and what. */
  @Schema(name = "Consultation")
  public static class Consultation {
    @NotNull
    @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}", message = "must be a department code")
    @Schema(example = "WEALTH")
    public String department;

    @NotBlank
    @Size(max = 1000)
    @Schema(example = "该理财产品的风险揭示是否符合当时的销售规定？")
    public String question;
  }
}

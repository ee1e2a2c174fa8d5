package bank.complaints.api.v1.admin;

import bank.complaints.department.DepartmentCode;
import bank.complaints.grading.Category;
import bank.complaints.grading.Severity;
import bank.complaints.routing.RoutingRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** R-F1: the routing rules as the admin API reads and replaces them. */
final class RoutingRules {

  private RoutingRules() {}

  /** The whole rule set, replacing what there was. */
  @Schema(name = "RoutingRulesUpdate")
  public static class Update {
    @NotNull
    @Size(max = 200)
    public List<@NotNull @Valid Rule> rules;

    List<RoutingRule> toRules() {
      return rules.stream().map(Rule::toRule).toList();
    }
  }

  /** One rule: category, severity and keywords are optional; all set must hold. */
  @Schema(name = "RoutingRuleUpdate")
  public static class Rule {
    public int priority;

    @Schema(example = "SYSTEM")
    public Category category;

    @Schema(example = "RED")
    public Severity severity;

    @Size(max = 50)
    @Schema(example = "[\"信用卡\"]")
    public List<@NotBlank @Size(max = 40) String> keywords;

    @NotNull
    @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}", message = "must be a department code")
    @Schema(example = "EBANK")
    public String department;

    @NotBlank
    @Size(max = 200)
    public String description;

    RoutingRule toRule() {
      return new RoutingRule(
          priority,
          category,
          severity,
          keywords == null ? List.of() : keywords.stream().map(String::strip).toList(),
          new DepartmentCode(department),
          description.strip());
    }
  }

  /** One rule as it stands. */
  @Schema(name = "RoutingRule")
  public record View(
      int priority,
      @Schema(example = "SYSTEM") String category,
      @Schema(example = "RED") String severity,
      List<String> keywords,
      @Schema(example = "EBANK") String department,
      String description) {
    static View of(RoutingRule r) {
      return new View(
          r.priority(),
          r.category() == null ? null : r.category().name(),
          r.severity() == null ? null : r.severity().name(),
          r.keywords(),
          r.department().value(),
          r.description());
    }
  }
}

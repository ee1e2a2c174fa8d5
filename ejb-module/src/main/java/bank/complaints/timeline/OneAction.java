package bank.complaints.timeline;

import bank.complaints.platform.TransactionLocal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline steps of one action, such as a registration, collected while it runs in this
 * transaction so that the audit log records them as one entry per complaint and actor (R-S3, ADR
 * 0009). Closed, it collects nothing and every step is audited by itself. The state is the
 * transaction's ({@link TransactionLocal}).
 */
@ApplicationScoped
public class OneAction {

  @Inject TransactionLocal transaction;

  /** What the audit log is to record for one complaint and actor. */
  public record Entry(String subject, String actor, String action, String reason) {}

  private record Key(String subject, String actor) {}

  private record Step(CaseEventKind kind, String summary) {}

  /** One transaction's action. */
  private static final class Action {
    /** Open: the steps so far, by complaint and actor, in the order they were first named. */
    LinkedHashMap<Key, List<Step>> steps;
  }

  private Action current() {
    return transaction.get(Action.class, Action::new);
  }

  /** Opens the action; false when one is open already (the outer one then audits). */
  boolean open() {
    Action action = current();
    if (action.steps != null) {
      return false;
    }
    action.steps = new LinkedHashMap<>();
    return true;
  }

  /** Takes a step into the open action; false when none is open. */
  boolean add(String subject, String actor, CaseEventKind kind, String summary) {
    LinkedHashMap<Key, List<Step>> steps = current().steps;
    if (steps == null) {
      return false;
    }
    steps
        .computeIfAbsent(new Key(subject, actor), k -> new ArrayList<>())
        .add(new Step(kind, summary));
    return true;
  }

  /**
   * Closes the action: one entry per complaint and actor, named by its first step, with its summary
   * and each later step's kind and summary.
   */
  List<Entry> close() {
    Action action = current();
    LinkedHashMap<Key, List<Step>> steps = action.steps;
    List<Entry> entries = new ArrayList<>();
    if (steps == null) {
      return entries;
    }
    for (Map.Entry<Key, List<Step>> e : steps.entrySet()) {
      List<Step> taken = e.getValue();
      StringBuilder reason = new StringBuilder(taken.get(0).summary());
      for (Step step : taken.subList(1, taken.size())) {
        reason.append(" | ").append(step.kind()).append(": ").append(step.summary());
      }
      entries.add(
          new Entry(
              e.getKey().subject(),
              e.getKey().actor(),
              taken.get(0).kind().name(),
              reason.toString()));
    }
    action.steps = null;
    return entries;
  }
}

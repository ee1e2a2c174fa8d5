package bank.complaints.notification;

import java.util.List;
import java.util.stream.Stream;

/**
 * The notices a bank words ({@code notice_template}), each with the placeholders the platform fills
 * in: {@code {number}} in all, and its own. A template may leave a placeholder out; it may not name
 * one the notice does not have.
 */
public enum Notice {
  /** R-I7: registered; the number and by when the customer is contacted. */
  ACCEPTANCE(CustomerNotices.Kind.ACCEPTANCE, "contactBy"),
  /** R-I2: a suggestion or inquiry registered ({@code label} in Chinese, {@code type} English). */
  ACCEPTANCE_FEEDBACK(CustomerNotices.Kind.ACCEPTANCE, "label", "type"),
  /** R-F2: the new date of an extended deadline. */
  DEADLINE_EXTENDED(CustomerNotices.Kind.DEADLINE_EXTENDED, "dueBy"),
  /** R-F2: the first findings and the expected final date. */
  FIRST_FINDINGS(CustomerNotices.Kind.FIRST_FINDINGS, "findings", "expectedBy"),
  /** R-F5: the approved result and by when to answer. */
  RESULT(
      CustomerNotices.Kind.RESULT,
      "conclusion",
      "ruleReliedOn",
      "amount",
      "howCarriedOut",
      "answerBy"),
  /** R-F7: carried out, with the department's outcome. */
  EXECUTED(CustomerNotices.Kind.EXECUTED, "outcome"),
  /** R-F6, R-F8: reopened and escalated. */
  REOPENED(CustomerNotices.Kind.REOPENED),
  /** R-X3: beyond the bank's remit, the routes offered. */
  REFERRAL(CustomerNotices.Kind.REFERRAL, "why", "routes"),
  /** R-X3: the same, with the route the customer chose. */
  REFERRAL_CHOSEN(CustomerNotices.Kind.REFERRAL, "why", "routes", "chosen");

  private final CustomerNotices.Kind kind;
  private final List<String> placeholders;

  Notice(CustomerNotices.Kind kind, String... own) {
    this.kind = kind;
    this.placeholders = Stream.concat(Stream.of("number"), Stream.of(own)).toList();
  }

  /** The kind of message it is sent as. */
  public CustomerNotices.Kind kind() {
    return kind;
  }

  /** The placeholders its wording may use, {@code number} first. */
  public List<String> placeholders() {
    return placeholders;
  }
}

package bank.complaints.complaint;

/**
 * R-F5: how the result reaches the customer, "through the original channel or one the customer
 * chose". A letter or a counter complaint is answered by a letter or a call that staff make (a
 * {@code RESULT_NOTICE} task), never by a text message the customer did not ask for; the other
 * channels' results travel like their notices.
 */
public enum ResultMedium {
  SMS,
  EMAIL,
  IN_APP,
  /** A letter to the customer's address, written and sent by staff. */
  LETTER,
  /** A call to the customer by staff. */
  PHONE_CALL;

  /**
   * The customer's choice for the result, else their choice for notices, else the channel's: a
   * letter is answered by letter (by phone when it gave no address), a counter complaint by a call.
   */
  public static ResultMedium of(
      Channel channel, ResultMedium chosen, NoticeMedium noticesChosen, boolean hasAddress) {
    if (chosen != null) {
      return chosen;
    }
    if (noticesChosen != null) {
      return valueOf(noticesChosen.name());
    }
    return switch (channel) {
      case LETTER -> hasAddress ? LETTER : PHONE_CALL;
      case BRANCH_COUNTER -> PHONE_CALL;
      default -> valueOf(NoticeMedium.defaultFor(channel).name());
    };
  }

  /** True when staff tell the result (a task), false when a notice gateway sends it. */
  public boolean byStaff() {
    return this == LETTER || this == PHONE_CALL;
  }

  /** The gateway medium of a result sent as a notice. */
  public NoticeMedium asNotice() {
    if (byStaff()) {
      throw new IllegalStateException(this + " is told by staff, not by a notice gateway");
    }
    return NoticeMedium.valueOf(name());
  }
}

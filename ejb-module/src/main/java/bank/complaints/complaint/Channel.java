package bank.complaints.complaint;

/** The channel systems a complaint can arrive through (R-I1). */
public enum Channel {
  WEB_FORM(Kind.ONLINE, false),
  MOBILE_APP(Kind.ONLINE, false),
  WECHAT(Kind.ONLINE, false),
  ONLINE_CHAT(Kind.ONLINE, false),
  SMS(Kind.ONLINE, false),
  /** The agent records it. */
  HOTLINE(Kind.ONLINE, true),
  /** The lobby manager or teller records it. */
  BRANCH_COUNTER(Kind.OFFLINE, true),
  SELF_SERVICE_TERMINAL(Kind.OFFLINE, false),
  /** Staff of the complaint mailbox record it. */
  LETTER(Kind.OFFLINE, true),
  PARTNER_AGENT(Kind.PARTNER, false),
  PARTNER_PLATFORM(Kind.PARTNER, false);

  /** Online, offline (staff record it) or through a partner. */
  public enum Kind {
    ONLINE,
    OFFLINE,
    PARTNER
  }

  private final Kind kind;
  private final boolean staffRecorded;

  Channel(Kind kind, boolean staffRecorded) {
    this.kind = kind;
    this.staffRecorded = staffRecorded;
  }

  /** R-I6: a staff member records what the customer says, and is named in the record. */
  public boolean staffRecorded() {
    return staffRecorded;
  }

  public Kind kind() {
    return kind;
  }
}

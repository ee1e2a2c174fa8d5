package bank.complaints.intake;

/** The channel systems a complaint can arrive through (R-I1). */
public enum Channel {
  WEB_FORM(Kind.ONLINE),
  MOBILE_APP(Kind.ONLINE),
  WECHAT(Kind.ONLINE),
  ONLINE_CHAT(Kind.ONLINE),
  SMS(Kind.ONLINE),
  HOTLINE(Kind.ONLINE),
  BRANCH_COUNTER(Kind.OFFLINE),
  SELF_SERVICE_TERMINAL(Kind.OFFLINE),
  LETTER(Kind.OFFLINE),
  PARTNER_AGENT(Kind.PARTNER),
  PARTNER_PLATFORM(Kind.PARTNER);

  /** Online, offline (staff record it) or through a partner. */
  public enum Kind {
    ONLINE,
    OFFLINE,
    PARTNER
  }

  private final Kind kind;

  Channel(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}

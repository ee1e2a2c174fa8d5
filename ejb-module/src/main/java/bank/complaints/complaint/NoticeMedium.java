package bank.complaints.complaint;

/** How a notice reaches the customer (R-I7): text message, e-mail, or in the bank's app. */
public enum NoticeMedium {
  SMS,
  EMAIL,
  IN_APP;

  /** Where the customer made no choice: in the app they used, else by text message. */
  public static NoticeMedium defaultFor(Channel channel) {
    return switch (channel) {
      case MOBILE_APP, WECHAT, ONLINE_CHAT -> IN_APP;
      default -> SMS;
    };
  }
}

package bank.complaints.intake;

import bank.complaints.notification.NoticeMedium;
import java.util.Objects;

/** A complaint as a channel system submits it, already validated at the boundary. */
public record NewComplaint(
    Channel channel,
    String customerName,
    String customerMobile,
    String customerEmail,
    NoticeMedium noticeBy,
    String subject,
    String description) {

  public NewComplaint {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(customerMobile, "customerMobile");
    Objects.requireNonNull(noticeBy, "noticeBy");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(description, "description");
  }
}

package bank.complaints.intake;

import bank.complaints.complaint.AccountRef;
import bank.complaints.complaint.Channel;
import bank.complaints.complaint.ComplaintDetails;
import bank.complaints.complaint.Demand;
import bank.complaints.complaint.FeedbackType;
import bank.complaints.complaint.IdentityDocument;
import bank.complaints.complaint.InvolvedStaff;
import bank.complaints.complaint.NoticeMedium;
import bank.complaints.complaint.ResultMedium;
import bank.complaints.evidence.NewEvidence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** A complaint as a channel system submits it, already validated at the boundary. */
public record NewComplaint(
    Channel channel,
    FeedbackType feedbackType,
    String customerName,
    String customerMobile,
    String customerEmail,
    NoticeMedium noticeBy,
    ResultMedium resultBy,
    IdentityDocument identity,
    String customerAddress,
    List<AccountRef> accounts,
    String subject,
    String description,
    Instant occurredAt,
    String occurredWhere,
    String region,
    List<InvolvedStaff> staffInvolved,
    List<String> productsInvolved,
    Demand demand,
    List<NewEvidence> evidence,
    Instant receivedAt,
    String receivedBy)
    implements ComplaintDetails {

  public NewComplaint {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(feedbackType, "feedbackType");
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(customerMobile, "customerMobile");
    Objects.requireNonNull(noticeBy, "noticeBy");
    Objects.requireNonNull(resultBy, "resultBy");
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(description, "description");
    staffInvolved = staffInvolved == null ? List.of() : List.copyOf(staffInvolved);
    productsInvolved = productsInvolved == null ? List.of() : List.copyOf(productsInvolved);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /**
   * A SHA-256 fingerprint of what was submitted, independent of how the JSON was laid out: a retry
   * under the same Idempotency-Key must carry the same fingerprint.
   */
  public String fingerprint() {
    String canonical =
        String.join(
            "\u0000",
            channel.name(),
            feedbackType.name(),
            customerName,
            customerMobile,
            customerEmail == null ? "" : customerEmail,
            noticeBy.name(),
            resultBy.name(),
            identity == null ? "" : identity.type() + ":" + identity.number(),
            customerAddress == null ? "" : customerAddress,
            String.join(",", accounts.stream().map(a -> a.kind() + ":" + a.number()).toList()),
            subject,
            description,
            occurredAt == null ? "" : occurredAt.toString(),
            occurredWhere == null ? "" : occurredWhere,
            region == null ? "" : region,
            String.join(
                ",",
                staffInvolved.stream()
                    .map(s -> s.name() + "/" + s.employeeId() + "/" + s.unit())
                    .toList()),
            String.join(",", productsInvolved),
            demand == null ? "" : demand.toString(),
            String.join(",", evidence.stream().map(NewEvidence::toString).toList()),
            receivedAt == null ? "" : receivedAt.toString(),
            receivedBy == null ? "" : receivedBy);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** R-S2: never the customer's mobile, identity, address or accounts, should this be logged. */
  @Override
  public String toString() {
    return "NewComplaint[" + channel + ", " + feedbackType + ", " + subject + "]";
  }
}

package bank.complaints.complaint;

import java.time.Instant;
import java.util.List;

/**
 * What a complaint is received with: the customer, what happened, what they ask for, and how it
 * reached the bank. Intake's command carries it (with the evidence that travels beside it); the
 * aggregate reads nothing else when it is created.
 */
public interface ComplaintDetails {

  Channel channel();

  FeedbackType feedbackType();

  String customerName();

  String customerMobile();

  String customerEmail();

  NoticeMedium noticeBy();

  ResultMedium resultBy();

  /** Or null. */
  IdentityDocument identity();

  String customerAddress();

  List<AccountRef> accounts();

  String subject();

  String description();

  /** Or null. */
  Instant occurredAt();

  String occurredWhere();

  String region();

  List<InvolvedStaff> staffInvolved();

  List<String> productsInvolved();

  /** Or null. */
  Demand demand();

  /** When an offline channel received it, or null for now. */
  Instant receivedAt();

  String receivedBy();
}

package bank.complaints.api.v1;

import bank.complaints.intake.Complaint;
import bank.complaints.privacy.Masking;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint as the API shows it: personal data masked (R-S2), times in the bank's zone. */
@Schema(name = "Complaint")
public record ComplaintView(
    @Schema(example = "C20261123-0000042") String number,
    String channel,
    String status,
    @Schema(example = "CSC") String department,
    Customer customer,
    String subject,
    String description,
    @Schema(example = "2026-11-23T16:05:00+08:00") OffsetDateTime receivedAt) {

  @Schema(name = "ComplaintCustomer")
  public record Customer(String name, @Schema(example = "138****5678") String mobile) {}

  static ComplaintView of(Complaint complaint, ZoneId bankZone) {
    return new ComplaintView(
        complaint.number().value(),
        complaint.channel().name(),
        complaint.status().name(),
        complaint.department() == null ? null : complaint.department().value(),
        new Customer(complaint.customerName(), Masking.mobile(complaint.customerMobile())),
        complaint.subject(),
        complaint.description(),
        complaint.receivedAt().atZone(bankZone).toOffsetDateTime());
  }
}

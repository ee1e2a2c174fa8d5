package bank.complaints.api.v1.admin;

import bank.complaints.tasks.BrokerLogin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department system's login to the broker, shown once. */
@Schema(
    name = "BrokerLogin",
    description =
        "What the department's system logs in to the broker with, to read its task queue and send"
            + " its results to complaints.results. The password is shown this once: the platform"
            + " keeps no copy (the broker keeps its salted hash); a lost one is replaced with"
            + " POST /api/v1/admin/departments/{code}/broker-login.")
public record BrokerLoginView(
    @Schema(example = "dept-PRIVATE_BANKING") String user,
    @Schema(example = "q3N0c2VjcmV0LWV4YW1wbGUtb25seS0x") String password,
    @Schema(example = "complaints.tasks.PRIVATE_BANKING") String queue) {

  static BrokerLoginView of(BrokerLogin login) {
    return new BrokerLoginView(login.user(), login.password(), login.queue());
  }

  @Override
  public String toString() {
    return "BrokerLoginView[" + user + ", " + queue + "]";
  }
}

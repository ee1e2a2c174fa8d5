package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The server dies (kill -9) with a task still in the outbox: after a restart nothing is lost. */
class ServerCrashIT extends SystemTest {

  @Test
  @DisplayName(
      "R-P4 After kill -9 of the server the application comes back, the accepted complaint is there, and its pending task is published once")
  void serverCrashLosesNothing() throws Exception {
    Broker.stop(); // keep the task in the outbox when the server dies
    String number;
    try {
      HttpResponse<String> created =
          Api.postJson(
              "/api/v1/complaints",
              aComplaint().from("BRANCH_COUNTER").about("server crash").json());
      assertEquals(201, created.statusCode(), created.body());
      number = Api.json(created).getString("number");
      Runtime.run("domain-kill");
    } finally {
      Broker.start();
    }
    Runtime.run("domain-start", "wait-ready");

    HttpResponse<String> read = Api.get("/api/v1/complaints/" + number);
    assertEquals(200, read.statusCode(), read.body());
    assertNotNull(
        Broker.receive("complaints.tasks.CSC", number, 30_000),
        "the pending task is published after the restart");
    assertNull(Broker.receive("complaints.tasks.CSC", number, 2_000), "and only once");
    assertEquals(
        1, Database.count("select count(*) from complaint where complaint_number = ?", number));
  }
}

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Crashes under load: a stream of 1,000 complaints from eight channel clients, each retrying with
 * its Idempotency-Key until answered, while the server (then the broker) is killed with kill -9 and
 * restarted. Every accepted complaint exists once, and every assignment task reaches its
 * department's queue exactly once. The one server kill also serves two witnesses: a task known to
 * be waiting in the outbox when the server died, and a case whose whole escalation ladder fell due
 * while it was down.
 */
class StreamCrashIT extends SystemTest {

  private static final int STREAM = 1_000;

  private static final String[] LADDER_QUEUES = {
    "complaints.escalations.owner",
    "complaints.escalations.supervisor",
    "complaints.escalations.department-head",
    "complaints.escalations.head-office"
  };

  @Test
  @DisplayName(
      "R-I6 R-F1 R-P1 kill -9 of the server mid-stream of 1,000 complaints, with the broker away:"
          + " each complaint exists once, each task reaches its queue exactly once, a task waiting"
          + " in the outbox is published once, and alerts that fell due meanwhile are raised once")
  void serverKilledMidStream() throws Exception {
    String due = submit(aComplaint().about("due while the server is down"));
    String[] pending = new String[1];
    stream(
        "server",
        () -> {
          Broker.stop(); // the next task stays in the outbox when the server dies
          pending[0] = submit(aComplaint().from("BRANCH_COUNTER").about("server crash"));
          Runtime.run("domain-kill");
          // While the server is down, the case's contact deadline and its whole ladder (the top
          // rung is a day after the breach) fall due: the data says so, no waiting.
          EscalationIT.overdue(due);
          Broker.start();
          Runtime.run("domain-start", "wait-ready");
        });

    assertNotNull(
        Broker.receive("complaints.tasks.CSC", pending[0], "ASSIGNMENT", 30_000),
        "the task waiting in the outbox is published after the restart");
    assertNull(
        Broker.receive("complaints.tasks.CSC", pending[0], "ASSIGNMENT", 2_000), "and only once");
    assertEquals(
        1, Database.count("select count(*) from complaint where complaint_number = ?", pending[0]));

    assertNotNull(Broker.receive(LADDER_QUEUES[0], due, "WARNING", 30_000), "the warning");
    for (String queue : LADDER_QUEUES) {
      assertNotNull(Broker.receive(queue, due, "ESCALATION", 30_000), "an alert on " + queue);
    }
    // Sent in the same relay passes as the originals, a duplicate would be there by now: the 2 s
    // waited above for the outbox task's second copy cover these too.
    assertNull(Broker.receive(LADDER_QUEUES[0], due, "WARNING", 200), "one warning");
    for (String queue : LADDER_QUEUES) {
      assertNull(Broker.receive(queue, due, "ESCALATION", 200), "nothing more on " + queue);
    }
    assertEquals(
        5,
        Database.count(
            "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.kind like 'SLA_%'",
            due),
        "warning + four rungs in the timeline, once each");
  }

  @Test
  @DisplayName(
      "R-I6 R-F1 kill -9 of the broker mid-stream of 1,000 complaints: each exists once, each task reaches its queue exactly once")
  void brokerKilledMidStream() throws Exception {
    stream("broker", () -> Runtime.run("broker-kill", "broker-up"));

    // The results listener is back on its queue too: a result that can never apply is taken off
    // and dead-lettered with its reason, as before the crash.
    String marker = "after-broker-crash-" + Customers.RUN + "-" + System.nanoTime();
    Broker.sendAsDepartment("CSC", "complaints.results", "not a result " + marker);
    assertTrue(
        TaskResultsIT.deadLetter(marker).isPresent(),
        "a department's result sent after the broker's restart is taken off the queue");
  }

  private static String submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson("/api/v1/complaints", complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created).getString("number");
  }

  private void stream(String victim, Runnable crash) throws Exception {
    Set<String> numbers = new ComplaintStream(victim + "-" + Customers.RUN, STREAM).submit(crash);
    ComplaintStream.assertEachTaskOnce(Broker.URL, numbers);
  }
}

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: registrations that arrive together are written in one transaction (group commit), and
 * each request still gets the answer it would have got alone.
 */
class GroupCommitIT extends SystemTest {

  private static final int SUBMISSIONS = 48;

  /** Bursts of one customer's three complaints and five customers' similar ones. */
  private static final int ROUNDS = 4;

  /** What one submission of the burst is, and so what it must be answered. */
  private enum Kind {
    NEW, // a new complaint: 201, stored once
    RETRY, // the same body under the key of a NEW one: 201 with the same complaint, replayed
    UNKNOWN_REGION, // well formed, refused by the intake: 422, nothing stored
    KEY_REUSED // a key used before for another body: 422, nothing stored
  }

  private record Sent(Kind kind, String subject, String key, String requestId) {}

  @Test
  @DisplayName(
      "R-I6 registrations written together each get their own outcome: 201, a replay, or a 422 that stores nothing, audited under their own request")
  void eachSubmissionOfAGroupKeepsItsOwnOutcome() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    double groupsBefore = metric("complaints_registration_group_size_count");
    double writtenBefore = metric("complaints_registration_group_size_sum");

    List<Sent> burst = new ArrayList<>();
    List<ComplaintJson> bodies = new ArrayList<>();
    for (int i = 0; i < SUBMISSIONS; i++) {
      String subject = "group commit " + run + " #" + i;
      String key = "group-" + run + "-" + i;
      Kind kind =
          switch (i % 8) {
            case 3 -> Kind.UNKNOWN_REGION;
            case 5 -> Kind.KEY_REUSED;
            case 7 -> Kind.RETRY;
            default -> Kind.NEW;
          };
      ComplaintJson body = aComplaint().from("WEB_FORM").about(subject);
      if (kind == Kind.RETRY) {
        // the retry of the NEW submission just before it, both in flight at once
        key = burst.get(i - 1).key();
        subject = burst.get(i - 1).subject();
        body = bodies.get(i - 1);
      }
      if (kind == Kind.KEY_REUSED) {
        HttpResponse<String> earlier =
            Api.postJson(
                "/api/v1/complaints",
                aComplaint().from("WEB_FORM").about("earlier " + subject).json(),
                "Idempotency-Key",
                key);
        assertEquals(201, earlier.statusCode(), earlier.body());
      }
      burst.add(new Sent(kind, subject, key, "group-it-" + run + "-" + i));
      bodies.add(body);
    }

    List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
    for (int i = 0; i < SUBMISSIONS; i++) {
      Sent sent = burst.get(i);
      String json = bodies.get(i).json();
      if (sent.kind() == Kind.UNKNOWN_REGION) {
        json = "{\"region\":\"990000\"," + json.substring(1); // six digits, no province
      }
      String body = json;
      posts.add(
          () ->
              Api.request(
                  "POST",
                  "/api/v1/complaints",
                  "application/json",
                  body,
                  "Authorization",
                  "Bearer " + Tokens.channel("WEB_FORM"),
                  "Idempotency-Key",
                  sent.key(),
                  "X-Request-Id",
                  sent.requestId()));
    }
    List<HttpResponse<String>> answers = sendAtOnce(posts);

    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < SUBMISSIONS; i++) {
      Sent sent = burst.get(i);
      HttpResponse<String> answer = answers.get(i);
      switch (sent.kind()) {
        case NEW, RETRY -> {
          assertEquals(201, answer.statusCode(), i + " " + sent.kind() + ": " + answer.body());
          String number = Api.json(answer).getString("number");
          assertEquals(
              1,
              Database.count("select count(*) from complaint where subject = ?", sent.subject()),
              "stored once: " + sent.subject());
          assertEquals(
              number,
              Database.text(
                  "select complaint_number from complaint where subject = ?", sent.subject()));
          if (sent.kind() == Kind.NEW) {
            numbers.add(number);
          }
        }
        case UNKNOWN_REGION, KEY_REUSED -> {
          assertEquals(422, answer.statusCode(), i + " " + sent.kind() + ": " + answer.body());
          assertEquals(
              "application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
          assertEquals(
              0,
              Database.count("select count(*) from complaint where subject = ?", sent.subject()),
              "nothing stored for " + sent.subject());
        }
      }
    }
    long newOnes = burst.stream().filter(s -> s.kind() == Kind.NEW).count();
    assertEquals(newOnes, numbers.size(), "a complaint of its own for each new submission");

    // R-I6: each complaint's registration is audited under the request that made it (of a new
    // submission and its retry, whichever came first), not under the request whose thread
    // happened to write its group.
    for (Sent sent : burst) {
      if (sent.kind() == Kind.NEW) {
        String id = Database.text("select id from complaint where subject = ?", sent.subject());
        List<String> requests =
            Database.texts(
                "select distinct request_id from audit_entry where subject = ?", "complaint:" + id);
        Set<String> itsRequests = new HashSet<>();
        burst.stream()
            .filter(s -> s.subject().equals(sent.subject()))
            .forEach(s -> itsRequests.add(s.requestId()));
        assertEquals(1, requests.size(), sent.subject() + ": " + requests);
        assertTrue(
            itsRequests.contains(requests.get(0)),
            sent.subject() + " audited under " + requests + ", not one of " + itsRequests);
        assertEquals(
            "channel-WEB_FORM",
            Database.text(
                "select principal from audit_entry where subject = ? and action = 'REGISTERED'",
                "complaint:" + id));
      }
    }

    double groups = metric("complaints_registration_group_size_count") - groupsBefore;
    double written = metric("complaints_registration_group_size_sum") - writtenBefore;
    assertTrue(
        written > groups,
        "some submissions of the burst were written together: "
            + written
            + " submissions in "
            + groups
            + " transactions");
  }

  @Test
  @DisplayName(
      "R-X1 R-X2 registrations written together see each other: one customer's three at once are one issue, five customers' similar ones at once open one incident")
  void complaintsWrittenTogetherSeeEachOther() throws Exception {
    double groupsBefore = metric("complaints_registration_group_size_count");
    double writtenBefore = metric("complaints_registration_group_size_sum");
    // Each burst's groups are formed by timing: some put the three (or the five) in one group,
    // others spread them over groups written at the same time, which must see each other too.
    for (int round = 0; round < ROUNDS; round++) {
      burstOfRepeatsAndSimilar(UUID.randomUUID().toString().substring(0, 8));
    }
    double groups = metric("complaints_registration_group_size_count") - groupsBefore;
    double written = metric("complaints_registration_group_size_sum") - writtenBefore;
    assertTrue(written > groups, written + " submissions in " + groups + " transactions");
  }

  @Test
  @DisplayName(
      "R-X2 R-G1 a mass incident in progress: similar complaints arriving together, past the count, all join the one incident the first five opened, each Red")
  void complaintsJoiningAnIncidentTogetherAreAllLinked() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String product = "手机银行转账-" + run;
    List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
    int similar = 12; // complaints.mass.customers = 5: seven join the incident the fifth opens
    for (int i = 0; i < similar; i++) {
      String json =
          aComplaint()
              .from("MOBILE_APP")
              .withCustomer("客户" + i, Customers.mobile())
              .concerning(product)
              .json();
      posts.add(() -> Api.postJson("/api/v1/complaints", json));
    }
    for (int i = 0; i < 12; i++) {
      String json = aComplaint().from("WEB_FORM").about("incident filler " + run + " #" + i).json();
      posts.add(() -> Api.postJson("/api/v1/complaints", json));
    }
    List<String> numbers = new ArrayList<>();
    List<HttpResponse<String>> answers = sendAtOnce(posts);
    for (HttpResponse<String> answer : answers) {
      assertEquals(201, answer.statusCode(), answer.body());
    }
    Set<Long> incidents = new HashSet<>();
    for (HttpResponse<String> answer : answers.subList(0, similar)) {
      JsonObject read = read(Api.json(answer));
      numbers.add(read.getString("number"));
      assertTrue(read.containsKey("incident"), "linked to the incident: " + read);
      incidents.add(read.getJsonNumber("incident").longValue());
      assertEquals("RED", read.getString("severity"), "R-G1 a mass incident is Red: " + read);
    }
    assertEquals(1, incidents.size(), "one incident: " + incidents);
    JsonObject incident = Api.json(Api.get("/api/v1/incidents/" + incidents.iterator().next()));
    assertEquals(
        numbers.stream().sorted().toList(),
        incident.getJsonArray("complaints").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .sorted()
            .toList());
    for (HttpResponse<String> answer : answers.subList(similar, answers.size())) {
      JsonObject filler = read(Api.json(answer));
      assertTrue(
          !filler.containsKey("incident") || filler.isNull("incident"),
          "a complaint naming no product is in no incident: " + filler);
    }
  }

  private void burstOfRepeatsAndSimilar(String run) throws Exception {
    String mobile = Customers.mobile();
    List<ComplaintJson> sameCustomer = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sameCustomer.add(
          aComplaint().withCustomer("李雷", mobile).about("group repeat " + run + " 转账手续费多收"));
    }
    String product = "网点排队叫号机-" + run;
    List<ComplaintJson> similar = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      similar.add(
          aComplaint()
              .from("BRANCH_COUNTER")
              .receivedBy("大堂经理 王五")
              .withCustomer("客户" + i, Customers.mobile())
              .concerning(product));
    }
    List<ComplaintJson> burst = new ArrayList<>(sameCustomer);
    burst.addAll(similar);
    for (int i = 0; i < 24; i++) {
      burst.add(aComplaint().from("WEB_FORM").about("group filler " + run + " #" + i));
    }
    List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
    for (ComplaintJson complaint : burst) {
      String json = complaint.json();
      posts.add(() -> Api.postJson("/api/v1/complaints", json));
    }
    List<JsonObject> created = new ArrayList<>();
    for (HttpResponse<String> answer : sendAtOnce(posts)) {
      assertEquals(201, answer.statusCode(), answer.body());
      created.add(Api.json(answer));
    }

    // R-X1: one of the three is the first; the others are its repeats, no. 2 and no. 3, the third
    // led by a supervisor (complaints.repeat.escalate-above = 2).
    List<JsonObject> mine = created.subList(0, 3).stream().map(GroupCommitIT::read).toList();
    List<JsonObject> firsts = mine.stream().filter(c -> !isRepeat(c)).toList();
    assertEquals(1, firsts.size(), "one first complaint: " + mine);
    String first = firsts.get(0).getString("number");
    Set<Integer> places = new HashSet<>();
    for (JsonObject complaint : mine) {
      if (isRepeat(complaint)) {
        JsonObject repeat = complaint.getJsonObject("repeat");
        assertEquals(first, repeat.getString("of"), complaint.toString());
        places.add(repeat.getInt("place"));
        assertEquals(repeat.getInt("place") == 3, repeat.getBoolean("supervisorLed"));
      }
    }
    assertEquals(Set.of(2, 3), places);

    // R-X2: the five customers are counted together (complaints.mass.customers = 5): one incident
    // links all five.
    Set<Long> incidents = new HashSet<>();
    for (JsonObject complaint : created.subList(3, 8)) {
      JsonObject read = read(complaint);
      assertTrue(read.containsKey("incident"), "linked to the incident: " + read);
      incidents.add(read.getJsonNumber("incident").longValue());
      assertEquals("RED", read.getString("severity"), "R-G1 a mass incident is Red");
    }
    assertEquals(1, incidents.size(), "one incident: " + incidents);
    JsonObject incident = Api.json(Api.get("/api/v1/incidents/" + incidents.iterator().next()));
    assertEquals(
        created.subList(3, 8).stream().map(c -> c.getString("number")).sorted().toList(),
        incident.getJsonArray("complaints").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .sorted()
            .toList());
  }

  /** Sends each request from a thread of its own, all released at once; answers in order. */
  private static List<HttpResponse<String>> sendAtOnce(
      List<Callable<HttpResponse<String>>> requests) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(requests.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (Callable<HttpResponse<String>> request : requests) {
        inFlight.add(
            senders.submit(
                () -> {
                  go.await();
                  return request.call();
                }));
      }
      go.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : inFlight) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      senders.shutdownNow();
    }
  }

  private static boolean isRepeat(JsonObject complaint) {
    return complaint.containsKey("repeat") && !complaint.isNull("repeat");
  }

  private static JsonObject read(JsonObject complaint) {
    return Api.json(Api.get("/api/v1/complaints/" + complaint.getString("number")));
  }

  private static double metric(String name) {
    for (String line : Api.get("/metrics?scope=application").body().split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0; // not registered before the first registration
  }
}

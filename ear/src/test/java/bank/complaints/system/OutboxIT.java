package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the broker refuses does not hold up what it takes. */
class OutboxIT extends SystemTest {

  @Test
  @DisplayName(
      "A message the broker refuses (its address missing) is set aside after 5 attempts while the next 100 tasks arrive; replayed once the address exists, it is delivered")
  void poisonRowIsSetAsideAndTheRestFlows() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String nowhere = "complaints.tasks.MISSING_" + run.toUpperCase();
    // The lowest id of all, so that every read of the table by the relay starts with it, as the
    // oldest row waiting would (ids from the sequence are positive); the complaints' own messages
    // are handed over from memory and must not wait behind it.
    long poison = -Math.abs(run.hashCode() % 1_000_000_000L) - 1;
    Database.update(
        "insert into outbox_message (id, message_id, destination, message_type, schema_version,"
            + " message_key, payload, created_at)"
            + " values (?, ?, ?, 'TaskMessage', 1, ?, '{}', current_timestamp)",
        poison,
        UUID.randomUUID().toString(),
        nowhere,
        "POISON-" + run);

    Set<String> numbers = new LinkedHashSet<>();
    for (int i = 0; i < 100; i++) {
      HttpResponse<String> created =
          Api.postJson("/api/v1/complaints", aComplaint().about("年费重复扣收 " + run + " #" + i).json());
      assertEquals(201, created.statusCode(), created.body());
      numbers.add(Api.json(created).getString("number"));
    }
    Map<String, Integer> tasks =
        Broker.drainAssignments(Broker.URL, numbers, Duration.ofSeconds(60));
    List<String> missing = numbers.stream().filter(n -> !tasks.containsKey(n)).toList();
    assertEquals(List.of(), missing, missing.size() + " tasks held up behind the refused message");

    awaitSetAside(poison, Duration.ofSeconds(30));
    assertEquals(
        5,
        Database.count("select send_attempts from outbox_message where id = ?", poison),
        "set aside after complaints.outbox.max-attempts refusals");
    JsonObject listed =
        Api.jsonArray(Api.get("/api/v1/admin/outbox/set-aside?limit=1000")).stream()
            .map(v -> v.asJsonObject())
            .filter(o -> o.getJsonNumber("id").longValue() == poison)
            .findFirst()
            .orElseThrow(() -> new AssertionError("operations see the set-aside message"));
    assertEquals(nowhere, listed.getString("destination"));
    assertTrue(listed.getString("reason").contains(nowhere), "the broker's reason: " + listed);
    assertEquals(5, listed.getInt("attempts"));
    assertTrue(metric("complaints_outbox_set_aside") >= 1, "the metric counts what is set aside");

    // The cause fixed (the address created on the broker), operations send it again.
    Broker.createQueue(nowhere);
    try {
      assertEquals(
          202,
          Api.postJson("/api/v1/admin/outbox/set-aside/" + poison + "/replay", "").statusCode());
      Message delivered = Broker.receive(nowhere, "POISON-" + run, 20_000);
      assertNotNull(delivered, "the replayed message reaches its address");
      assertEquals(
          1,
          Database.count(
              "select count(*) from outbox_message where id = ? and published_at is not null"
                  + " and set_aside_at is null",
              poison));
      assertEquals(
          404,
          Api.postJson("/api/v1/admin/outbox/set-aside/" + poison + "/replay", "").statusCode(),
          "a message sent is no longer set aside");
    } finally {
      Broker.destroyQueue(nowhere);
    }
  }

  @Test
  @DisplayName(
      "R-F1 ADR 0003: a task is one server's to send at a time. The server that writes it claims"
          + " it in the same insert, for a minute; a server's own claim does not hold up its own"
          + " table read; another server's claim holds the row until it lapses, then the row is"
          + " sent, once")
  void aTaskIsOneServersToSendAtATime() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Api.postJson("/api/v1/complaints", aComplaint().about("年费重复扣收 claims " + run).json());
    assertEquals(201, created.statusCode(), created.body());
    String number = Api.json(created).getString("number");
    assertTrue(
        Database.count("select count(*) from outbox_message where message_key = ?", number) > 0);
    assertEquals(
        0,
        Database.count(
            "select count(*) from outbox_message where message_key = ? and (claimed_by is null"
                + " or claimed_until <> created_at + interval '60' second)",
            number),
        "each message the registration wrote is claimed by the server that wrote it, for 60 s");
    String thisServer =
        Database.text("select min(claimed_by) from outbox_message where message_key = ?", number);

    // Written 10 s ago by this server (its hand-off lost): its own table read sends it, though
    // its claim runs for minutes yet.
    String own = "OWN-" + run;
    OffsetDateTime now = TestClock.now(); // as the server sees it
    insertClaimed(own, now, thisServer, now.plusMinutes(10));
    // Written 10 s ago by another server, which holds it for 12 s more: left to it meanwhile.
    String held = "HELD-" + run;
    insertClaimed(held, now, "another-server", now.plusSeconds(12));

    assertNotNull(
        Broker.receive("complaints.tasks.CSC", own, 10_000),
        "this server's own claim does not keep its table read off the row");
    assertNull(
        Broker.receive("complaints.tasks.CSC", held, 5_000),
        "another server's claim keeps this server off the row while it runs");
    assertNotNull(
        Broker.receive("complaints.tasks.CSC", held, 30_000),
        "once the other server's claim has lapsed, this server sends the row");
    assertNull(Broker.receive("complaints.tasks.CSC", held, 3_000), "once");
    assertNull(Broker.receive("complaints.tasks.CSC", own, 1_000), "once");
  }

  /**
   * An outbox row to the CSC queue, written 10 s before {@code now} and claimed by {@code server}
   * until {@code until}.
   */
  private static void insertClaimed(
      String key, OffsetDateTime now, String server, OffsetDateTime until) {
    Database.update(
        "insert into outbox_message (id, message_id, destination, message_type, schema_version,"
            + " message_key, payload, created_at, claimed_by, claimed_until)"
            + " values (nextval('outbox_seq'), ?, 'complaints.tasks.CSC', 'TaskMessage', 1, ?,"
            + " '{}', ?, ?, ?)",
        UUID.randomUUID().toString(),
        key,
        now.minusSeconds(10),
        server,
        until);
  }

  private static void awaitSetAside(long id, Duration within) throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (Database.count(
            "select count(*) from outbox_message where id = ? and set_aside_at is not null", id)
        == 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "not set aside within "
                + within
                + ": attempts "
                + Database.text("select send_attempts from outbox_message where id = ?", id)
                + ", "
                + Database.text("select last_refusal from outbox_message where id = ?", id));
      }
      Thread.sleep(200);
    }
  }

  /** An application metric's value, read as operations' scraper reads it. */
  static double metric(String name) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20); // counted every 15 s
    while (true) {
      String body = Api.get("/metrics?scope=application").body();
      for (String line : body.split("\n")) {
        if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
          double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          if (value > 0 || Instant.now().isAfter(deadline)) {
            return value;
          }
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(name + " not among the metrics");
      }
      Thread.sleep(500);
    }
  }

  @Test
  @DisplayName(
      "ADR 0003: the relay's table read has an index of the unsent messages only, so it does not"
          + " walk every message ever sent to find them")
  void unsentMessagesHaveAnIndexOfTheirOwn() {
    assertEquals(
        1,
        Database.count(
            "select count(*) from flyway_schema_history where version = '36' and success = true"));
    if ("postgresql".equals(Runtime.database())) {
      String definition =
          Database.text(
              "select indexdef from pg_indexes where tablename = 'outbox_message'"
                  + " and indexname = 'outbox_message_unsent_idx'"
                  + " and schemaname = current_schema()");
      assertNotNull(definition, "no index outbox_message_unsent_idx");
      assertTrue(
          definition.contains("(id)")
              && definition.contains("published_at IS NULL")
              && definition.contains("set_aside_at IS NULL"),
          definition);
    }
  }

  @Test
  @DisplayName(
      "V39: the set-aside messages and the published ones are indexed apart, so that a message"
          + " written adds an entry to neither and one published to the second only")
  void messagesAreIndexedOnlyWhereTheirReadersLook() {
    if (!"postgresql".equals(Runtime.database())) {
      return; // H2 keeps the earlier, full indexes
    }
    assertEquals(
        "CREATE INDEX outbox_message_set_aside_pending_idx ON public.outbox_message USING btree"
            + " (id) WHERE ((set_aside_at IS NOT NULL) AND (published_at IS NULL))",
        indexDefinition("outbox_message_set_aside_pending_idx"));
    assertEquals(
        "CREATE INDEX outbox_message_published_idx ON public.outbox_message USING btree"
            + " (published_at) WHERE (published_at IS NOT NULL)",
        indexDefinition("outbox_message_published_idx"));
    for (String gone : List.of("outbox_message_set_aside_idx", "outbox_message_pending_idx")) {
      assertEquals(
          0,
          Database.count(
              "select count(*) from pg_indexes where indexname = ? and schemaname = current_schema()",
              gone),
          gone);
    }
  }

  @Test
  @DisplayName(
      "V40: outbox pages leave a third free, so that a message marked published stays on its page")
  void outboxPagesLeaveRoomForThePublishUpdate() {
    if (!"postgresql".equals(Runtime.database())) {
      return; // a storage parameter of PostgreSQL's
    }
    assertEquals(
        "fillfactor=70",
        Database.text(
            "select array_to_string(reloptions, ',') from pg_class"
                + " where relname = 'outbox_message' and relnamespace = current_schema()::regnamespace"));
  }

  private static String indexDefinition(String name) {
    return Database.text(
        "select indexdef from pg_indexes where indexname = ? and schemaname = current_schema()",
        name);
  }
}

package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform as a bank runs it active-active (issue 17): a Payara deployment group of two
 * instances behind HAProxy on 8080, health-checked on /health/ready, and an Artemis primary/backup
 * pair with replication, set up by {@code scripts/runtime.sh cluster-up} exactly as {@code
 * ./complaints up --cluster} does (the EAR deployed with {@code asadmin deploy --target
 * complaints}, not by Arquillian). Instances, brokers and the load balancer are real processes
 * killed with kill -9.
 *
 * <p>Not part of the single-server suite: its own failsafe execution (ear/pom.xml, profile {@code
 * cluster}, on PostgreSQL: the instances share one database) after it, on an emptied database, so
 * that the audit chain and the statistics checked at the end hold only what the cluster did. The
 * tests run in order and build on each other: the stream with a killed instance, the stream with
 * the killed primary broker (and the fail-back), the escalation bursts, then the audit chain and
 * the statistics over all of it; last, a restart of an instance and an instance without the
 * application behind the load balancer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String[] INSTANCES = {"http://127.0.0.1:28080", "http://127.0.0.1:29080"};

  private static final int STREAM = 1_000;

  private static final int BURST = 300;

  /** A burst's clocks fall due over this long, starting a few seconds after they are set. */
  private static final Duration BURST_SPREAD = Duration.ofSeconds(5);

  private static final LocalDate FIRST_DAY = TestClock.today();

  @BeforeAll
  static void startTheCluster() {
    Runtime.run(
        Duration.ofMinutes(12),
        "undeploy",
        "domain-down",
        "broker-down",
        "broker-pair-create",
        "broker-pair-up",
        "db-reset",
        "cluster-up");
  }

  @AfterAll
  static void stopTheCluster() {
    Runtime.run(Duration.ofMinutes(3), "cluster-down", "broker-pair-down");
  }

  @Test
  @Order(0)
  @DisplayName(
      "R-X2 an instance just started answers a manager's first reads (the incident desk, the"
          + " reference data) before any complaint was registered on it")
  void firstReadsOfAFreshInstance() {
    // Each instance was started by startTheCluster and has served nothing yet. Until
    // EntityManagers,
    // a CDI bean whose entity manager was first used by a web request failed there with a 500.
    String manager = "Bearer " + Tokens.role("manager");
    for (String instance : INSTANCES) {
      for (String path :
          List.of(
              "/api/v1/incidents?status=OPEN",
              "/api/v1/admin/routing-rules",
              "/api/v1/admin/grading-rules",
              "/api/v1/admin/sla-policies",
              "/api/v1/admin/departments",
              "/api/v1/admin/notice-templates")) {
        HttpResponse<String> read =
            Api.requestAt(instance, "GET", path, null, null, "Authorization", manager);
        assertEquals(200, read.statusCode(), instance + path + ": " + read.body());
      }
    }
  }

  @Test
  @Order(1)
  @DisplayName(
      "R-I6 a retry that lands on the other instance replays the original; either instance reads"
          + " what the other wrote at once")
  void idempotencyAcrossInstances() {
    String key = "cluster-retry-" + Customers.RUN;
    String body = aComplaint().about("信用卡年费 retried on the other instance").json();
    HttpResponse<String> first = submitAt(INSTANCES[0], key, body);
    assertEquals(201, first.statusCode(), first.body());
    String number = Api.json(first).getString("number");
    HttpResponse<String> retry = submitAt(INSTANCES[1], key, body);
    assertEquals(201, retry.statusCode(), retry.body());
    assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(number, Api.json(retry).getString("number"), "the original, replayed");
    HttpResponse<String> read =
        Api.requestAt(INSTANCES[1], "GET", "/api/v1/complaints/" + number, null, null);
    assertEquals(200, read.statusCode(), read.body());
    assertEquals(
        1,
        Database.count(
            "select count(*) from complaint where subject = ?",
            "信用卡年费 retried on the other instance"));
  }

  @Test
  @Order(2)
  @DisplayName(
      "R-I6 R-F1 kill -9 of one instance mid-stream of 1,000 complaints through the load balancer,"
          + " then its restart: each complaint stored once with its own number, each task"
          + " received exactly once by its department")
  void instanceKilledMidStream() throws Exception {
    ComplaintStream stream = new ComplaintStream("cluster-instance-" + Customers.RUN, STREAM);
    Set<String> numbers =
        stream.submit(
            () -> {
              Runtime.run("instance-kill-1");
              // The clients go on through the load balancer while the instance comes back.
              Runtime.run(Duration.ofMinutes(5), "instance-start-1");
            });
    report("instance killed", stream);
    ComplaintStream.assertEachTaskOnce(Broker.PAIR_URL, numbers);
    awaitReady(INSTANCES[0], Duration.ofMinutes(3));
    HttpResponse<String> served =
        submitAt(INSTANCES[0], "cluster-back-" + Customers.RUN, aComplaint().json());
    assertEquals(201, served.statusCode(), "the restarted instance serves again: " + served.body());
  }

  @Test
  @Order(3)
  @DisplayName(
      "R-I6 R-F1 kill -9 of the primary broker mid-stream of 1,000 complaints: the backup takes"
          + " over, 0 tasks lost, 0 duplicated, readiness of both instances follows the broker;"
          + " the primary's return fails back")
  void primaryBrokerKilledMidStream() throws Exception {
    // a department added before the fail-over: its system's broker login works on the backup too
    String code = "T" + Customers.mobile().substring(3);
    HttpResponse<String> added =
        Api.postJson(
            "/api/v1/admin/departments", "{\"code\":\"" + code + "\",\"name\":\"" + code + "\"}");
    assertEquals(201, added.statusCode(), added.body());
    JsonObject login = Api.json(added).getJsonObject("brokerLogin");
    ReadinessWatch watch = new ReadinessWatch();
    ComplaintStream stream = new ComplaintStream("cluster-broker-" + Customers.RUN, STREAM);
    Instant[] killed = new Instant[1];
    try {
      Set<String> numbers;
      try {
        numbers =
            stream.submit(
                () -> {
                  killed[0] = Instant.now();
                  Runtime.run("broker-primary-kill");
                });
        report("primary broker killed", stream);
        ComplaintStream.assertEachTaskOnce(Broker.PAIR_URL, numbers);
      } finally {
        watch.stop();
      }
      for (String instance : INSTANCES) {
        Instant up = watch.brokerUpAgainAfter(instance, killed[0]);
        System.out.printf(
            "[cluster] %s: broker DOWN in %d of %d readiness samples; UP again %s after the kill%n",
            instance,
            watch.downSamples(instance),
            watch.samples(instance),
            up == null ? "not at the last sample" : Duration.between(killed[0], up));
        assertTrue(
            watch.upWithin(instance, killed[0], Duration.ofSeconds(60)),
            instance + " reports the broker UP within 60 s of the fail-over");
        awaitReady(instance, Duration.ofSeconds(60)); // and UP after it
      }
      assertTrue(
          Broker.mayConsume(
              Broker.BACKUP_URL,
              login.getString("user"),
              login.getString("password"),
              login.getString("queue")),
          "R-S1 the department added before the fail-over reads its queue on the backup");
    } finally {
      // Fail-back: the primary returns, copies the backup's journal and takes over again (also
      // when an assertion above failed: the later tests need the pair whole).
      if (killed[0] != null) {
        Runtime.run(Duration.ofMinutes(5), "broker-primary-up");
      }
    }
    for (String instance : INSTANCES) {
      awaitReady(instance, Duration.ofMinutes(1));
    }
    Set<String> after =
        new ComplaintStream("cluster-failback-" + Customers.RUN, 50).submit(() -> {});
    ComplaintStream.assertEachTaskOnce(Broker.PAIR_URL, after);
  }

  @Test
  @Order(4)
  @DisplayName(
      "R-F7 departments' results taken by the listeners of both instances: each applied once,"
          + " however often it is delivered")
  void resultsAppliedOnceByEitherInstance() throws Exception {
    int cases = 30;
    Map<String, String> tasks = new java.util.LinkedHashMap<>(); // number → execution task id
    for (int i = 0; i < cases; i++) {
      String number = TaskResultsIT.submit();
      tasks.put(number, TaskResultsIT.executing(number));
    }
    // Each result twice, at once: the two deliveries are taken by either instance's listener.
    ExecutorService departments = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (String taskId : tasks.values()) {
        String body = TaskResultsIT.result(taskId, "已退费 50 元");
        for (int copy = 0; copy < 2; copy++) {
          sent.add(
              departments.submit(
                  () -> {
                    Broker.sendAsDepartment("CSC", "complaints.results", body);
                    return null;
                  }));
        }
      }
      for (Future<?> send : sent) {
        send.get(60, TimeUnit.SECONDS);
      }
    } finally {
      departments.shutdownNow();
    }
    for (String number : tasks.keySet()) {
      assertEquals("FOLLOW_UP", TaskResultsIT.await(number, "FOLLOW_UP"), number);
    }
    Broker.awaitDrained("complaints.results", 60_000); // the second deliveries are processed too
    for (String number : tasks.keySet()) {
      assertEquals(
          1,
          Database.count(
              "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
                  + " where c.complaint_number = ? and e.kind = 'EXECUTED'",
              number),
          "executed once: " + number);
      assertEquals(
          1,
          Database.count(
              "select count(*) from work_task t join complaint c on c.id = t.complaint_id"
                  + " where c.complaint_number = ? and t.kind = 'FOLLOW_UP_CALL'",
              number),
          "one follow-up call: " + number);
    }
    for (String taskId : tasks.values()) {
      assertTrue(TaskResultsIT.deadLetterNow(taskId).isEmpty(), "no result dead-lettered");
    }
  }

  @Test
  @Order(5)
  @DisplayName(
      "R-P1 an escalation burst (300 clocks due within 5 s) with both instances scanning: every"
          + " alert raised exactly once")
  void escalationBurstSharedByTwoScanners() throws Exception {
    burst("cluster-burst-" + Customers.RUN, () -> {});
  }

  @Test
  @Order(6)
  @DisplayName(
      "R-P1 the same burst with one instance killed while it fires: still every alert exactly once")
  void escalationBurstWithAnInstanceKilled() throws Exception {
    burst("cluster-burst-kill-" + Customers.RUN, () -> Runtime.run("instance-kill-2"));
    Runtime.run(Duration.ofMinutes(5), "instance-start-2");
    awaitReady(INSTANCES[1], Duration.ofMinutes(3));
  }

  @Test
  @Order(7)
  @DisplayName(
      "R-S3 R-M1 after all of the above: one audit chain, intact, every entry linked once; the"
          + " statistics for the period equal a recount from the raw rows")
  void auditChainAndStatisticsHold() throws Exception {
    JsonObject verdict = settledAuditVerdict(Duration.ofMinutes(2));
    assertTrue(verdict.getBoolean("intact"), verdict.toString());
    assertEquals(0, verdict.getJsonNumber("pending").longValue(), verdict.toString());
    long entries = Database.count("select count(*) from audit_entry");
    assertEquals(entries, verdict.getJsonNumber("linked").longValue(), "every entry linked");
    assertEquals(
        entries,
        Database.count("select count(distinct entry_id) from audit_link"),
        "no entry linked twice");
    assertEquals(entries, Database.count("select count(*) from audit_link"), "one link per entry");
    assertEquals(
        entries,
        Database.count("select coalesce(max(seq), 0) from audit_link"),
        "one chain: sequence numbers without a gap or a fork");

    Statistics.awaitRefresh(Duration.ofMinutes(3));
    LocalDate from = FIRST_DAY.minusDays(1);
    LocalDate to = TestClock.today().plusDays(1);
    StatisticsIT.Expected expected = StatisticsIT.Expected.of(from, to);
    assertTrue(
        expected.total() >= 2 * STREAM + 2 * BURST,
        "the cluster's complaints are in the recount: " + expected.total());
    HttpResponse<String> report = Api.get("/api/v1/statistics?from=" + from + "&to=" + to);
    assertEquals(200, report.statusCode(), report.body());
    expected.check(Api.json(report));
  }

  @Test
  @Order(8)
  @DisplayName(
      "An instance restarted behind the load balancer is given requests only once its API serves,"
          + " and then its share: of the reads sent through the load balancer meanwhile, none"
          + " answered otherwise than 200")
  void restartedInstanceTakesRequestsOnceItServes() throws Exception {
    Runtime.run("instance-kill-2");
    awaitServer("complaints-2", "DOWN", Duration.ofSeconds(30));
    long selectedBefore = loadBalancer().get("complaints-2").selected();
    Reads reads = new Reads(Runtime.BASE_URL, "/api/v1/admin/departments");
    try {
      Runtime.run(Duration.ofMinutes(5), "instance-start-2");
      awaitServer("complaints-2", "UP", Duration.ofMinutes(2));
      // Payara logs the checks' registration ~10 s before it maps the web module: reads for longer
      // than that, while the load balancer's slow start gives the instance more each second.
      Thread.sleep(20_000);
    } finally {
      reads.stop();
    }
    Map<String, Server> servers = loadBalancer();
    System.out.printf("[cluster] reads during the restart: %s; %s%n", reads.byStatus(), servers);
    assertEquals(Set.of(200), reads.byStatus().keySet(), "answers by status: " + reads.byStatus());
    assertTrue(
        servers.get("complaints-2").selected() - selectedBefore >= 20,
        "the restarted instance took its share: " + servers);
  }

  @Test
  @Order(9)
  @DisplayName(
      "An instance that runs without the application (as after Payara failed to load it at a"
          + " start) answers readiness 200 with no checks, and the load balancer sends it nothing")
  void instanceWithoutTheApplicationTakesNoRequests() throws Exception {
    awaitServer("complaints-1", "UP", Duration.ofMinutes(1));
    awaitServer("complaints-2", "UP", Duration.ofMinutes(1));
    Runtime.run(Duration.ofMinutes(2), "instance-app-disable-1");
    try {
      HttpResponse<String> ready = Api.requestAt(INSTANCES[0], "GET", "/health/ready", null, null);
      assertEquals(200, ready.statusCode(), "Payara's own answer: " + ready.body());
      assertFalse(ready.body().contains("database"), "no checks of ours: " + ready.body());
      Map<String, Server> servers = awaitServer("complaints-1", "DOWN", Duration.ofSeconds(30));
      assertEquals("UP", servers.get("complaints-2").status(), "load balancer: " + servers);
      for (int i = 0; i < 20; i++) {
        HttpResponse<String> submitted =
            submitAt(
                Runtime.BASE_URL, "cluster-no-app-" + i + "-" + Customers.RUN, aComplaint().json());
        assertEquals(
            201,
            submitted.statusCode(),
            "request " + i + ": " + submitted.body() + "; load balancer: " + loadBalancer());
      }
    } finally {
      Runtime.run(Duration.ofMinutes(3), "instance-app-enable-1");
      awaitReady(INSTANCES[0], Duration.ofMinutes(3));
    }
  }

  // --- the escalation burst ---

  /**
   * Registers {@link #BURST} complaints, makes their contact clocks fall due over {@link
   * #BURST_SPREAD} (by data: warned already, the first rung due at the deadline), runs {@code
   * during} once a third is raised, and checks that every alert is raised once: one timeline entry,
   * one outbox message, one message on the owner's queue per case. Reports the lag (raised − due).
   */
  private static void burst(String run, Runnable during) throws Exception {
    Set<String> numbers = new ComplaintStream(run, BURST).submit(() -> {});
    Map<String, Long> batchesBefore = scannerBatches();
    Instant start = Instant.now().plusSeconds(3);
    assertEquals(
        BURST,
        Database.update(
            "update sla_clock s set warned = true, due_at = d.at, next_action_at = d.at"
                + " from (select c.id, ?::timestamptz + (row_number() over (order by c.id))"
                + " * interval '"
                + BURST_SPREAD.toMillis() / BURST
                + " milliseconds' as at from complaint c where c.subject like ?) d"
                + " where s.complaint_id = d.id and s.stage = 'CUSTOMER_CONTACT'"
                + " and s.state = 'RUNNING'",
            java.time.OffsetDateTime.ofInstant(start.plus(TestClock.SHIFT), TestClock.BANK),
            "%" + run + " #%"));
    String raised =
        "select count(*) from case_event e join complaint c on c.id = e.complaint_id"
            + " where c.subject like ? and e.kind = 'SLA_ESCALATION'";
    boolean ran = false;
    Instant deadline = Instant.now().plusSeconds(120);
    while (Database.count(raised, "%" + run + " #%") < BURST && Instant.now().isBefore(deadline)) {
      if (!ran && Database.count(raised, "%" + run + " #%") >= BURST / 3) {
        during.run();
        ran = true;
      }
      Thread.sleep(100);
    }
    if (!ran) {
      during.run();
    }
    assertEquals(BURST, Database.count(raised, "%" + run + " #%"), "every alert raised");

    Map<String, Integer> alerts =
        Broker.drain(
            Broker.PAIR_URL,
            "complaints.escalations.owner",
            "ESCALATION",
            numbers,
            Duration.ofSeconds(90));
    List<String> missing = numbers.stream().filter(n -> !alerts.containsKey(n)).toList();
    List<String> twice =
        alerts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    assertEquals(List.of(), missing, missing.size() + " alerts never reached the owner's queue");
    assertEquals(List.of(), twice, twice.size() + " alerts reached the owner's queue twice");
    assertEquals(
        0,
        Database.count(
            "select count(*) from (select e.complaint_id from case_event e join complaint c"
                + " on c.id = e.complaint_id where c.subject like ? and e.kind like 'SLA_%'"
                + " group by e.complaint_id having count(*) > 1) twice",
            "%" + run + " #%"),
        "one alert in each case's timeline");
    assertEquals(
        BURST,
        Database.count(
            "select count(*) from outbox_message o join complaint c on c.complaint_number ="
                + " o.message_key where c.subject like ? and o.message_type ="
                + " 'complaints.escalation'",
            "%" + run + " #%"),
        "one alert message per case in the outbox");

    String lag =
        Database.text(
            "select 'p50 ' || round(percentile_cont(0.5) within group (order by ms)::numeric)"
                + " || ' ms, p99 ' || round(percentile_cont(0.99) within group (order by"
                + " ms)::numeric) || ' ms, max ' || round(max(ms)::numeric) || ' ms'"
                + " from (select extract(epoch from e.occurred_at - e.scheduled_for) * 1000 as ms"
                + " from case_event e join complaint c on c.id = e.complaint_id"
                + " where c.subject like ? and e.kind = 'SLA_ESCALATION') lags",
            "%" + run + " #%");
    Map<String, Long> batchesAfter = scannerBatches();
    System.out.printf(
        "[cluster] %s: %d alerts due over %s, lag %s; scanner batches per instance %s%n",
        run,
        BURST,
        BURST_SPREAD,
        lag,
        batchesAfter.keySet().stream()
            .map(i -> i + "=" + (batchesAfter.get(i) - batchesBefore.getOrDefault(i, 0L)))
            .collect(Collectors.joining(", ")));
  }

  /**
   * Each live instance's count of scanner batches that fired something (its {@code
   * complaints_escalation_batch} timer).
   */
  private static Map<String, Long> scannerBatches() {
    Map<String, Long> batches = new java.util.TreeMap<>();
    for (String instance : INSTANCES) {
      try {
        HttpResponse<String> metrics =
            Api.requestAt(instance, "GET", "/metrics?scope=application", null, null);
        metrics
            .body()
            .lines()
            .filter(l -> l.startsWith("complaints_escalation_batch_seconds_count"))
            .findFirst()
            .ifPresent(
                l ->
                    batches.put(
                        instance, (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))));
      } catch (IllegalStateException down) {
        // a killed instance reports nothing
      }
    }
    return batches;
  }

  // --- helpers ---

  private static HttpResponse<String> submitAt(String instance, String key, String body) {
    return Api.requestAt(
        instance,
        "POST",
        "/api/v1/complaints",
        "application/json",
        body,
        "Idempotency-Key",
        key,
        "Authorization",
        "Bearer " + Tokens.channel("MOBILE_APP"));
  }

  private static void report(String what, ComplaintStream stream) {
    Map<String, Long> statuses =
        stream.answers().stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.status() + a.contentType().map(t -> " " + t).orElse(""),
                    java.util.TreeMap::new,
                    Collectors.counting()));
    System.out.printf("[cluster] %s: answers by status and type %s%n", what, statuses);
  }

  /** The broker check of an instance's readiness, or "UNREACHABLE". */
  private static String brokerCheck(String instance) {
    try {
      HttpResponse<String> ready = Api.requestAt(instance, "GET", "/health/ready", null, null);
      for (JsonValue check : Api.json(ready).getJsonArray("checks")) {
        if ("broker".equals(check.asJsonObject().getString("name"))) {
          return check.asJsonObject().getString("status");
        }
      }
      return "ABSENT";
    } catch (RuntimeException unreachable) {
      return "UNREACHABLE";
    }
  }

  /** A server as HAProxy sees it: e.g. "DOWN" and "L7RSP"; selected: requests sent to it so far. */
  private record Server(String status, String check, long selected) {}

  /** HAProxy's view of the deployment group, from its stats socket (scripts/haproxy.cfg). */
  private static Map<String, Server> loadBalancer() {
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    try (SocketChannel socket =
        SocketChannel.open(UnixDomainSocketAddress.of(Runtime.dir().resolve("haproxy.sock")))) {
      socket.write(StandardCharsets.US_ASCII.encode("show stat\n"));
      ByteBuffer buffer = ByteBuffer.allocate(8192);
      while (socket.read(buffer) >= 0) {
        csv.write(buffer.array(), 0, buffer.position());
        buffer.clear();
      }
    } catch (IOException e) {
      throw new IllegalStateException("HAProxy's stats socket", e);
    }
    Map<String, Server> servers = new java.util.TreeMap<>();
    for (String line : csv.toString(StandardCharsets.US_ASCII).split("\n")) {
      String[] field = line.split(",", -1);
      // pxname, svname, …, status (18th), …, lbtot (31st), …, check_status (37th)
      if (field.length > 36 && "instances".equals(field[0]) && field[1].startsWith("complaints-")) {
        servers.put(field[1], new Server(field[17], field[36], Long.parseLong(field[30])));
      }
    }
    return servers;
  }

  /** Waits until HAProxy has the server in that state (not on its way to it: "DOWN 1/2"). */
  private static Map<String, Server> awaitServer(String server, String status, Duration atMost)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(atMost);
    Map<String, Server> servers = loadBalancer();
    while (servers.get(server) == null || !status.equals(servers.get(server).status())) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(server + " not " + status + " after " + atMost + ": " + servers);
      }
      Thread.sleep(200);
      servers = loadBalancer();
    }
    return servers;
  }

  /**
   * One client reading a path through the load balancer, one read after the other, until stopped.
   */
  private static final class Reads {

    private final Map<Integer, Long> byStatus = new java.util.concurrent.ConcurrentSkipListMap<>();

    private volatile boolean stopped;

    private final Thread reader;

    Reads(String base, String path) {
      String manager = "Bearer " + Tokens.role("manager");
      reader =
          new Thread(
              () -> {
                while (!stopped) {
                  int status;
                  try {
                    status =
                        Api.requestAt(base, "GET", path, null, null, "Authorization", manager)
                            .statusCode();
                  } catch (IllegalStateException unreachable) {
                    status = 0;
                  }
                  byStatus.merge(status, 1L, Long::sum);
                  try {
                    Thread.sleep(10); // ~80 a second: the restarting instance shares the 2 cores
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "cluster-reads");
      reader.start();
    }

    void stop() throws InterruptedException {
      stopped = true;
      reader.join(30_000);
    }

    Map<Integer, Long> byStatus() {
      return byStatus;
    }
  }

  private static void awaitReady(String instance, Duration atMost) throws InterruptedException {
    Instant deadline = Instant.now().plus(atMost);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (Api.requestAt(instance, "GET", "/health/ready", null, null).statusCode() == 200
            && "UP".equals(brokerCheck(instance))) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(instance + " not ready after " + atMost);
  }

  private static JsonObject settledAuditVerdict(Duration atMost) throws InterruptedException {
    Instant giveUp = Instant.now().plus(atMost);
    JsonObject verdict;
    while (true) {
      HttpResponse<String> response = Api.get("/api/v1/admin/audit/verification");
      assertEquals(200, response.statusCode(), response.body());
      verdict = Api.json(response);
      if (verdict.getJsonNumber("pending").longValue() == 0 || Instant.now().isAfter(giveUp)) {
        return verdict;
      }
      Thread.sleep(500);
    }
  }

  /** Samples the broker check of both instances' readiness every 250 ms until stopped. */
  private static final class ReadinessWatch {

    private record Sample(String instance, Instant at, String broker) {}

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ExecutorService sampler = Executors.newSingleThreadExecutor();
    private final Future<?> running;

    ReadinessWatch() {
      running =
          sampler.submit(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  for (String instance : INSTANCES) {
                    samples.add(new Sample(instance, Instant.now(), brokerCheck(instance)));
                  }
                  try {
                    Thread.sleep(250);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
    }

    void stop() throws InterruptedException {
      running.cancel(true);
      sampler.shutdownNow();
      sampler.awaitTermination(10, TimeUnit.SECONDS);
    }

    long samples(String instance) {
      return samples.stream().filter(s -> s.instance().equals(instance)).count();
    }

    long downSamples(String instance) {
      return samples.stream()
          .filter(s -> s.instance().equals(instance) && !"UP".equals(s.broker()))
          .count();
    }

    /**
     * Whether the instance reported the broker UP at some moment within {@code limit} of {@code
     * since}.
     */
    boolean upWithin(String instance, Instant since, Duration limit) {
      return samples.stream()
          .anyMatch(
              s ->
                  s.instance().equals(instance)
                      && "UP".equals(s.broker())
                      && !s.at().isBefore(since)
                      && s.at().isBefore(since.plus(limit)));
    }

    /** When the instance last turned to reporting the broker UP after {@code since}, if it did. */
    Instant brokerUpAgainAfter(String instance, Instant since) {
      List<Sample> after = new ArrayList<>();
      for (Sample sample : samples) {
        if (sample.instance().equals(instance) && !sample.at().isBefore(since)) {
          after.add(sample);
        }
      }
      Instant up = null;
      for (Sample sample : after) {
        if (!"UP".equals(sample.broker())) {
          up = null;
        } else if (up == null) {
          up = sample.at();
        }
      }
      return up;
    }
  }
}

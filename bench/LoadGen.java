import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator of the intake and read benchmarks (issue 18), one file run by the JDK's source
 * launcher: {@code java bench/LoadGen.java <kind> key=value...}.
 *
 * <p>Two ways to load the server:
 *
 * <ul>
 *   <li>{@code rate=0} (closed loop, saturation): {@code connections} clients, each sending its next
 *       request when the last one was answered: what the server serves at most.
 *   <li>{@code rate=N} (open loop, fixed rate): request i is due at start + i/N seconds whatever
 *       the answers before it, and its latency is measured from when it was due, not from when it
 *       could be sent (no coordinated omission: a stalled server shows as latency, as with wrk2).
 *       Requests still waiting for a free connection when the phase ends are not sent and are
 *       counted as {@code unsent}: the server was that far behind the schedule.
 * </ul>
 *
 * <p>Kinds: {@code submit} (a bank's realistic mix, below; every request a fresh Idempotency-Key,
 * about 1 % sent twice to check the replay), {@code read} (a channel's progress view of one of its
 * complaints by number, numbers from {@code numbers=<file>}), {@code search} (a staff search page:
 * by a customer's mobile, or the newest Red cases of a page).
 *
 * <p>Prints one {@code key=value} line ({@code result ...}), the status counts, and up to three
 * answers of each status that is not the expected one. {@code submit} writes the numbers of the
 * complaints it registered to {@code numbers=<file>} (when given), for the read benchmark and the
 * stored-rows check, which finds this run's complaints by the tag {@code [run]} in their subject.
 */
public final class LoadGen {

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: java bench/LoadGen.java submit|read|search url=… token=… run=… duration=60"
              + " rate=0 connections=32 warmup=0 numbers=<file> seed=0");
      System.exit(2);
    }
    Map<String, String> opt = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      opt.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    new LoadGen(args[0], opt).run();
  }

  private final String kind;
  private final String url;
  private final String token;
  private final String baseRun;
  /** The tag of the requests being made: {@code baseRun}, or during the warm-up "L" + it. */
  private volatile String run;
  private final int durationSeconds;
  private final int warmupSeconds;
  private final double rate;
  private final int connections;
  private final Path numbersFile;
  private final long seed;
  /** Percent of requests that are a mass incident in progress: one product, many customers. */
  private final int hot;

  /** This run's block of customers (see {@link #mobile}). */
  private final long block = System.currentTimeMillis() / 10_000 % 35_000;
  private final List<String> numbers = new ArrayList<>();
  private final List<String> mobiles = new ArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile Phase phase;

  private LoadGen(String kind, Map<String, String> opt) throws IOException {
    this.kind = kind;
    this.url = opt.getOrDefault("url", "http://127.0.0.1:8080");
    this.token = opt.get("token");
    this.baseRun = opt.getOrDefault("run", Long.toString(System.currentTimeMillis() / 1000 % 100000));
    this.run = baseRun;
    this.durationSeconds = Integer.parseInt(opt.getOrDefault("duration", "60"));
    this.warmupSeconds = Integer.parseInt(opt.getOrDefault("warmup", "0"));
    this.rate = Double.parseDouble(opt.getOrDefault("rate", "0"));
    this.connections = Integer.parseInt(opt.getOrDefault("connections", "32"));
    this.numbersFile = opt.containsKey("numbers") ? Path.of(opt.get("numbers")) : null;
    this.seed = Long.parseLong(opt.getOrDefault("seed", "0"));
    this.hot = Integer.parseInt(opt.getOrDefault("hot", "0"));
    if (!List.of("submit", "read", "search").contains(kind)) {
      throw new IllegalArgumentException("kind: submit, read or search");
    }
    if (!kind.equals("submit") && numbersFile != null) {
      for (String line : Files.readAllLines(numbersFile)) {
        String[] f = line.split(" ");
        numbers.add(f[0]);
        if (f.length > 1) {
          mobiles.add(f[1]);
        }
      }
      if (numbers.isEmpty()) {
        throw new IllegalArgumentException(numbersFile + " holds no complaint numbers");
      }
    }
  }

  // ---- one measured phase -------------------------------------------------------------------

  /** What one phase (warm-up or measured) saw. */
  private static final class Phase {
    final String name;
    final Map<Integer, AtomicLong> statuses = new TreeMap<>();
    final Map<Integer, List<String>> samples = new TreeMap<>();
    final AtomicLong replayed = new AtomicLong();
    final AtomicLong late = new AtomicLong(); // fixed rate: sent after its due time by > 10 ms
    final AtomicLong unsent = new AtomicLong(); // fixed rate: still waiting for a sender at the end
    final List<String> registered = new ArrayList<>();
    long[] latencies = new long[1 << 16];
    int count;
    // By the second of the phase a request was sent (or due): its slowest answer, and how many
    // answers took over 100 ms; a stall shows as a few seconds, an overload as all of them.
    final long startNanos = System.nanoTime();
    final long[] slowest = new long[7200];
    final int[] over100ms = new int[7200];

    Phase(String name) {
      this.name = name;
    }

    synchronized void record(
        int status, long latencyNanos, long fromNanos, String body, Request request) {
      int second = (int) Math.min(slowest.length - 1, Math.max(0, (fromNanos - startNanos) / 1_000_000_000L));
      slowest[second] = Math.max(slowest[second], latencyNanos);
      if (latencyNanos > 100_000_000L) {
        over100ms[second]++;
      }
      statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = latencyNanos;
      if (status != request.expected) {
        List<String> s = samples.computeIfAbsent(status, k -> new ArrayList<>());
        if (s.size() < 3) {
          s.add(request.method + " " + request.path + " -> " + status + " " + oneLine(body));
        }
      }
    }

    synchronized void registered(String number, String mobile) {
      registered.add(number + " " + mobile);
    }

    long count(int status) {
      AtomicLong n = statuses.get(status);
      return n == null ? 0 : n.get();
    }

    /** The seconds with answers over 100 ms: "second:count/slowest ms", in order of time. */
    synchronized String slowSeconds() {
      StringBuilder out = new StringBuilder();
      int seconds = 0;
      for (int i = 0; i < slowest.length; i++) {
        if (over100ms[i] > 0) {
          seconds++;
          out.append(' ').append(i).append("s:").append(over100ms[i]).append('/')
              .append(slowest[i] / 1_000_000).append("ms");
        }
      }
      return seconds + " seconds" + (seconds == 0 ? "" : " (second:answers/slowest)" + out);
    }

    synchronized String percentiles() {
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      StringBuilder out = new StringBuilder();
      for (double p : new double[] {50, 90, 99, 99.9, 100}) {
        long v = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
        out.append(" p")
            .append(p == 100 ? "max" : (p == Math.floor(p) ? Long.toString((long) p) : Double.toString(p)))
            .append('=')
            .append(String.format("%.1fms", v / 1e6));
      }
      return out.toString().strip();
    }
  }

  private static String oneLine(String body) {
    String s = body == null ? "" : body.replaceAll("\\s+", " ");
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private record Request(
      String method, String path, String body, String idempotencyKey, int expected, String mobile) {}

  private void run() throws Exception {
    if (warmupSeconds > 0) {
      // Tagged apart ("[L<run>-…]"): the stored-rows check counts the measured phase's only.
      run = "L" + baseRun;
      phase = new Phase("warm-up");
      load(warmupSeconds);
      report(phase, warmupSeconds);
      run = baseRun;
      // A retry re-sends a submission of this phase: one of the warm-up's may never have been sent
      // (unsent when it ended) and would be stored under the warm-up's tag.
      synchronized (recent) {
        Arrays.fill(recent, null);
      }
    }
    // When the measured phase starts and ends (epoch ms): the caller measures CPU and the
    // department's wait over it, not over the warm-up.
    System.out.println("measuring from=" + System.currentTimeMillis());
    System.out.flush();
    phase = new Phase("measured");
    long cpuBefore = cpuNanos();
    long wallBefore = System.nanoTime();
    load(durationSeconds);
    double wall = (System.nanoTime() - wallBefore) / 1e9;
    System.out.println("measured to=" + System.currentTimeMillis());
    report(phase, wall);
    System.out.printf(
        "client cpu=%.1fs over %.1fs (%.0f%% of one core)%n",
        (cpuNanos() - cpuBefore) / 1e9, wall, (cpuNanos() - cpuBefore) / 1e9 / wall * 100);
    if (numbersFile != null && kind.equals("submit")) {
      Files.write(numbersFile, phase.registered);
    }
    System.exit(0);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private void report(Phase p, double seconds) {
    long total = p.statuses.values().stream().mapToLong(AtomicLong::get).sum();
    int expected = kind.equals("submit") ? 201 : 200;
    System.out.printf(
        "result phase=%s kind=%s mode=%s run=%s seconds=%.1f requests=%d ok=%d ok_per_s=%.1f"
            + " replayed=%d late=%d unsent=%d %s%n",
        p.name,
        kind,
        rate > 0 ? "fixed-rate(" + rate + "/s)" : "closed(" + connections + ")",
        run,
        seconds,
        total,
        p.count(expected),
        p.count(expected) / seconds,
        p.replayed.get(),
        p.late.get(),
        p.unsent.get(),
        p.percentiles());
    System.out.println("statuses " + p.statuses);
    System.out.println("answers over 100 ms, by the second sent: " + p.slowSeconds());
    p.samples.forEach((status, s) -> s.forEach(line -> System.out.println("non-" + expected + " " + line)));
  }

  private void load(int seconds) throws InterruptedException {
    if (rate > 0) {
      fixedRate(seconds);
    } else {
      closedLoop(seconds);
    }
  }

  private void closedLoop(int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      Thread t =
          new Thread(
              () -> {
                try (Connection connection = new Connection(url)) {
                  while (System.nanoTime() < end) {
                    Request r = next();
                    exchange(connection, r, System.nanoTime());
                  }
                } finally {
                  done.countDown();
                }
              });
      t.setDaemon(true);
      t.start();
    }
    done.await();
  }

  private record Due(Request request, long due) {}

  /**
   * As wrk2: request i is due at start + i/rate; a scheduler hands it at its due time to the
   * {@code connections} senders (64 unless told), and it is timed from its due time. When every
   * sender is busy, due requests wait in line, and the wait shows in their latency.
   */
  private void fixedRate(int seconds) throws InterruptedException {
    int senders = connections == 32 ? 64 : connections;
    long start = System.nanoTime();
    long total = (long) (rate * seconds);
    LinkedBlockingQueue<Due> line = new LinkedBlockingQueue<>();
    CountDownLatch done = new CountDownLatch(senders);
    for (int c = 0; c < senders; c++) {
      Thread t =
          new Thread(
              () -> {
                try (Connection connection = new Connection(url)) {
                  for (Due d; (d = line.take()).request != null; ) {
                    if (System.nanoTime() - d.due > 10_000_000) {
                      phase.late.incrementAndGet();
                    }
                    exchange(connection, d.request, d.due);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  done.countDown();
                }
              });
      t.setDaemon(true);
      t.start();
    }
    for (long i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      line.add(new Due(next(), due));
    }
    // At the end of the phase, what no sender could take yet is not sent but counted (the server
    // was behind its schedule by then); every request sent is answered before the phase ends.
    List<Due> behind = new ArrayList<>();
    line.drainTo(behind);
    phase.unsent.addAndGet(behind.size());
    for (int c = 0; c < senders; c++) {
      line.add(new Due(null, 0));
    }
    done.await();
  }

  private void exchange(Connection connection, Request r, long from) {
    Phase p = phase;
    try {
      Connection.Response response = connection.exchange(r, token);
      p.record(response.status(), System.nanoTime() - from, from, response.body(), r);
      if (kind.equals("submit") && response.status() == 201) {
        if (response.replayed()) {
          p.replayed.incrementAndGet();
        } else if (response.location() != null) {
          String l = response.location();
          p.registered(l.substring(l.lastIndexOf('/') + 1), r.mobile);
        }
      }
    } catch (IOException e) {
      p.record(-1, System.nanoTime() - from, from, e.toString(), r);
      connection.close();
    }
  }

  /**
   * One keep-alive HTTP/1.1 connection, as wrk keeps them: a request written in one go, the
   * answer read by Content-Length or chunks. Cheap on CPU, so the client takes little from the
   * server it measures on the same cores.
   */
  private static final class Connection implements AutoCloseable {
    record Response(int status, String location, boolean replayed, String body) {}

    private final String host;
    private final int port;
    private Socket socket;
    private BufferedInputStream in;
    private OutputStream out;

    Connection(String url) {
      URI u = URI.create(url);
      this.host = u.getHost();
      this.port = u.getPort() < 0 ? 80 : u.getPort();
    }

    Response exchange(Request r, String token) throws IOException {
      if (socket == null) {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = socket.getOutputStream();
      }
      byte[] body = r.body == null ? null : r.body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(256);
      head.append(r.method).append(' ').append(r.path).append(" HTTP/1.1\r\nHost: ")
          .append(host).append(':').append(port).append("\r\nAuthorization: Bearer ").append(token)
          .append("\r\n");
      if (r.idempotencyKey != null) {
        head.append("Idempotency-Key: ").append(r.idempotencyKey).append("\r\n");
      }
      if (body != null) {
        head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
      byte[] all = body == null ? h : Arrays.copyOf(h, h.length + body.length);
      if (body != null) {
        System.arraycopy(body, 0, all, h.length, body.length);
      }
      out.write(all);
      out.flush();
      String status = line();
      if (status == null) {
        throw new IOException("connection closed by the server");
      }
      int code = Integer.parseInt(status.substring(9, 12));
      int length = -1;
      boolean chunked = false, close = false, replayed = false;
      String location = null;
      for (String header; !(header = line()).isEmpty(); ) {
        int colon = header.indexOf(':');
        String name = header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Integer.parseInt(value);
          case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
          case "connection" -> close = value.equalsIgnoreCase("close");
          case "location" -> location = value;
          case "idempotent-replayed" -> replayed = value.equals("true");
          default -> {}
        }
      }
      java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
      if (chunked) {
        for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
          content.write(in.readNBytes(size));
          line();
        }
        line();
      } else if (length > 0) {
        content.write(in.readNBytes(length));
      }
      if (close) {
        close();
      }
      return new Response(code, location, replayed, content.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
      StringBuilder b = new StringBuilder();
      for (int c; (c = in.read()) != '\n'; ) {
        if (c < 0) {
          return b.length() == 0 ? null : b.toString();
        }
        if (c != '\r') {
          b.append((char) c);
        }
      }
      return b.toString();
    }

    @Override
    public void close() {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }

  // ---- what is sent -------------------------------------------------------------------------

  /** The last 256 submissions, for the retries (a retry comes well after the first try). */
  private final Request[] recent = new Request[256];

  private Request next() {
    long i = sequence.getAndIncrement();
    return switch (kind) {
      case "submit" -> submission(i);
      case "read" -> new Request("GET", "/api/v1/complaints/" + numbers.get((int) (i % numbers.size())), null, null, 200, null);
      default -> search(i);
    };
  }

  private Request search(long i) {
    if (i % 2 == 0 && !mobiles.isEmpty()) {
      String mobile = mobiles.get((int) (i / 2 % mobiles.size()));
      return new Request("GET", "/api/v1/complaints?customerMobile=" + mobile + "&size=20", null, null, 200, null);
    }
    String[] filters = {"severity=RED", "status=ASSIGNED", "category=FEES", "department=CSC"};
    return new Request(
        "GET",
        "/api/v1/complaints?" + filters[(int) (i / 2 % filters.length)] + "&page=" + (i / 8 % 5) + "&size=20",
        null, null, 200, null);
  }

  /** SplitMix64's output function: consecutive inputs give unrelated, evenly spread outputs. */
  private static long splitMix(long n) {
    long z = n + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰"};

  /**
   * Request i of the run, by i mod 20: 2 Red (card fraud, with the card), 5 system faults naming a
   * product of the run (mass detection runs; a few products gather five customers and become an
   * incident), 1 a repeat (the customer of 20 and 40 requests before, same issue: every third
   * repeat is the customer's third complaint, escalated), 5 card fees with the card and a refund,
   * 4 service at a branch, 1 a product with a product that is "hot" for a while (an incident forms
   * and the rest join it, Red), 1 a suggestion, 1 a large compensation demand (Yellow). A third of
   * the customers give an ID card, a quarter an e-mail. Every request has its own Idempotency-Key;
   * one in a hundred is the submission of 200 requests before sent again (same key and body), and must be answered 201 with
   * Idempotent-Replayed and store nothing.
   */
  private Request submission(long i) {
    if (i % 100 == 99 && i > 256) {
      synchronized (recent) {
        Request earlier = recent[(int) ((i - 200) % recent.length)];
        if (earlier != null) {
          return earlier;
        }
      }
    }
    boolean incident = hot > 0 && Math.floorMod(splitMix(i ^ 0x5DEECE66DL), 100) < hot;
    int r = incident ? 2 : (int) (i % 20);
    long customer = r == 7 ? i - 20 * ((i / 20) % 3) : i;
    String tag = " [" + run + "-" + i + "]";
    String mobile = mobile(customer);
    StringBuilder json = new StringBuilder(800);
    json.append("{\"channel\":\"MOBILE_APP\"");
    if (r == 18) {
      json.append(",\"feedbackType\":\"SUGGESTION\"");
    }
    json.append(",\"customer\":{\"name\":\"")
        .append(SURNAMES[(int) (customer % 10)])
        .append(GIVEN[(int) (customer / 10 % 10)])
        .append(GIVEN[(int) (customer / 100 % 10)])
        .append("\",\"mobile\":\"")
        .append(mobile)
        .append('"');
    if (customer % 3 == 0) {
      json.append(",\"idType\":\"ID_CARD\",\"idNumber\":\"").append(idCard(customer)).append('"');
    }
    if (customer % 4 == 0) {
      json.append(",\"email\":\"c").append(run).append('.').append(customer).append("@example.com\"");
    }
    json.append('}');
    String subject;
    String description;
    String product = null;
    String card = null;
    String demand = null;
    switch (r) {
      case 0, 1 -> {
        subject = "信用卡被盗刷";
        description = "昨晚收到多笔境外消费短信，本人未授权，卡一直在身边，要求冻结并退还被盗刷的款项。";
        card = card(customer);
        demand = "{\"type\":\"COMPENSATION\",\"amount\":" + (1000 + i % 9000) + ".00}";
      }
      case 2, 3, 4, 5, 6 -> {
        subject = "手机银行转账失败";
        description = "转账时页面报错，款项被扣但对方未收到，联系客服多次仍未解决。";
        // The run's n-th system fault names one of 4,000 products at random (a hash of n), so a
        // product gathers five customers now and then: some 20 incidents in 18,000 requests.
        // (i * 7919 mod 4000 named only 1,000 products, as i mod 20 is 2 to 6 here: a phase's
        // 4,500 faults gave a product 4.5 customers and opened hundreds of incidents.)
        long fault = i / 20 * 5 + (r - 2);
        product =
            incident
                ? "手机银行 " + baseRun + "-HOT"
                : "手机银行 " + run + "-" + Math.floorMod(splitMix(fault), 4000);
      }
      case 7 -> {
        subject = "信用卡年费被重复扣收";
        description = "再次投诉：上次反映的年费问题仍未处理，本月又被扣了一次年费。";
        card = card(customer);
        demand = "{\"type\":\"REFUND\",\"amount\":200.00}";
      }
      case 8, 9, 10, 11, 12 -> {
        subject = "信用卡年费被重复扣收";
        description = "本月信用卡被扣了两次年费，请退还多扣的费用。";
        card = card(customer);
        demand = "{\"type\":\"REFUND\",\"amount\":200.00}";
      }
      case 13, 14, 15, 16 -> {
        subject = "网点排队等待时间过长";
        description = "周六上午在营业厅排队两个小时，只开了一个窗口，大堂经理态度冷淡。";
      }
      case 17 -> {
        subject = "理财产品到期未兑付";
        description = "购买的理财产品已到期三天，本金和收益仍未到账。";
        product = (i / 20) % 2 == 0 ? "稳盈理财 " + run + "-" + i / 2000 : "稳盈理财 " + run + "-" + i;
      }
      case 18 -> {
        subject = "建议手机银行增加夜间模式";
        description = "晚上使用手机银行时屏幕太亮，建议增加夜间模式。";
      }
      default -> {
        subject = "贷款提前还款被收取高额违约金";
        description = "提前还款时被收取了合同未约定的违约金，要求退还。";
        demand = "{\"type\":\"COMPENSATION\",\"amount\":" + (20000 + i % 50000) + ".00}";
      }
    }
    json.append(",\"subject\":\"").append(subject).append(tag).append('"');
    json.append(",\"description\":\"").append(description).append('"');
    if (r >= 13 && r <= 16) {
      json.append(",\"occurredWhere\":\"朝阳支行营业厅\"");
    }
    if (product != null) {
      json.append(",\"productsInvolved\":[\"").append(product).append("\"]");
    }
    if (card != null) {
      json.append(",\"accounts\":[{\"kind\":\"CARD\",\"number\":\"").append(card).append("\"}]");
    }
    if (demand != null) {
      json.append(",\"demand\":").append(demand);
    }
    json.append('}');
    Request request =
        new Request("POST", "/api/v1/complaints", json.toString(), UUID.randomUUID().toString(), 201, mobile);
    synchronized (recent) {
      recent[(int) (i % recent.length)] = request;
    }
    return request;
  }

  /**
   * A mobile of this run's customer: 1[3-9] and nine digits, the run's block of 200,000 customers
   * (of 35,000 blocks) chosen by the ten seconds in which the generator started, so runs started
   * 10 s to 4 days apart never share a customer (a shared customer is a repeat, R-X1, and skews the
   * mix: one in two complaints of a run were repeats when the block came from a hash of the run's
   * name; a third of a phase's when it came from the minute and a warm-up of 20 s started in the
   * same minute as its measured phase).
   */
  private String mobile(long customer) {
    long n = block * 200_000 + customer % 200_000;
    return "1" + (3 + n / 1_000_000_000L) + String.format("%09d", n % 1_000_000_000L);
  }

  /** A valid 18-character resident ID (GB 11643): division, birth date, sequence, check. */
  private String idCard(long customer) {
    // The customer's number of the run's block, as its mobile's (below 7,000,000,000): its birth
    // date and sequence the number modulo 15,000,000, its division the rest, so no two customers of
    // runs within 4 days share an ID (the ID, when given, is who the customer is, R-X1). The ID
    // was once drawn from one division's 15,000,000 at a place scattered by the block: two runs'
    // ranges overlapped with a chance of 0.8 %, not rare any more among thirty runs of a day.
    long n = block * 200_000 + customer % 200_000;
    long place = n % 15_000_000L;
    LocalDate born = LocalDate.of(1960, 1, 1).plusDays(place % 15000);
    String body =
        (110101 + n / 15_000_000L)
            + born.toString().replace("-", "")
            + String.format("%03d", place / 15000);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      sum += (body.charAt(k) - '0') * weights[k];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  /** A card number of 16 digits with a valid Luhn check digit. */
  private String card(long customer) {
    String body = "622202" + String.format("%09d", Math.floorMod(customer * 7 + run.hashCode(), 1_000_000_000L));
    int sum = 0;
    for (int k = 0; k < body.length(); k++) {
      int d = body.charAt(body.length() - 1 - k) - '0';
      if (k % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return body + (10 - sum % 10) % 10;
  }

}

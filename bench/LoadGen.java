import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>As wrk: {@code threads} event loops (2 unless told) share the connections, and each phase's
 * requests are made and encoded before it starts ({@code plan=} per second in a closed loop, 1,500
 * unless told; beyond that, made as they go). The generator runs on the cores of the server it
 * measures, so it costs about what wrk costs: 0.12 – 0.15 ms of CPU per request in a closed loop,
 * against 0.30 – 0.33 ms with a thread per connection and each request made as it was sent.
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
              + " rate=0 connections=32 threads=2 plan=1500 warmup=0 numbers=<file> seed=0 hot=0"
              + " only=<kinds>");
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
  private final String host;
  private final int port;
  private final String token;
  private final String baseRun;
  /** The tag of the requests being made: {@code baseRun}, or during the warm-up "L" + it. */
  private volatile String run;
  private final int durationSeconds;
  private final int warmupSeconds;
  private final double rate;
  private final int connections;
  /** Event loops, as wrk's threads (-t). */
  private final int threads;
  /** Closed loop: requests made beforehand per second of the phase ({@link #plan}). */
  private final int planRate;
  private final Path numbersFile;
  private final long seed;
  /** Percent of requests that are a mass incident in progress: one product, many customers. */
  private final int hot;
  /**
   * {@code only=8,13}: the mix's kinds (request i's i mod 20, {@link #submission}) to send, in turn,
   * instead of all twenty: what one kind of complaint costs, for the analysis of the mix.
   */
  private final int[] only;

  /** This run's block of customers (see {@link #mobile}). */
  private final long block = System.currentTimeMillis() / 10_000 % 35_000;
  private final List<String> numbers = new ArrayList<>();
  private final List<String> mobiles = new ArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile Phase phase;

  private LoadGen(String kind, Map<String, String> opt) throws IOException {
    this.kind = kind;
    URI u = URI.create(opt.getOrDefault("url", "http://127.0.0.1:8080"));
    this.host = u.getHost();
    this.port = u.getPort() < 0 ? 80 : u.getPort();
    this.token = opt.get("token");
    this.baseRun = opt.getOrDefault("run", Long.toString(System.currentTimeMillis() / 1000 % 100000));
    this.run = baseRun;
    this.durationSeconds = Integer.parseInt(opt.getOrDefault("duration", "60"));
    this.warmupSeconds = Integer.parseInt(opt.getOrDefault("warmup", "0"));
    this.rate = Double.parseDouble(opt.getOrDefault("rate", "0"));
    this.connections = Integer.parseInt(opt.getOrDefault("connections", "32"));
    this.threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
    this.planRate = Integer.parseInt(opt.getOrDefault("plan", "1500"));
    this.numbersFile = opt.containsKey("numbers") ? Path.of(opt.get("numbers")) : null;
    this.seed = Long.parseLong(opt.getOrDefault("seed", "0"));
    this.hot = Integer.parseInt(opt.getOrDefault("hot", "0"));
    this.only =
        opt.containsKey("only")
            ? Arrays.stream(opt.get("only").split(",")).mapToInt(Integer::parseInt).toArray()
            : null;
    if (only != null && (only.length == 0 || Arrays.stream(only).anyMatch(k -> k < 0 || k > 19))) {
      throw new IllegalArgumentException("only: kinds of the mix, 0 to 19");
    }
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
      String method,
      String path,
      String body,
      String idempotencyKey,
      int expected,
      String mobile,
      byte[] wire) {
    Request(String method, String path, String body, String key, int expected, String mobile) {
      this(method, path, body, key, expected, mobile, null);
    }
  }

  private void run() throws Exception {
    if (warmupSeconds > 0) {
      // Tagged apart ("[L<run>-…]"): the stored-rows check counts the measured phase's only.
      run = "L" + baseRun;
      plan(warmupSeconds);
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
    plan(durationSeconds);
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

  /**
   * Runs one phase on {@code threads} event loops (2 unless told, as wrk -t2), each with its share
   * of the connections on one selector: no thread per connection, so the generator wakes once for
   * all the answers that came in together instead of once per answer, and takes about as little of
   * the two cores it shares with the server as wrk does (issue 18: 32 blocking threads cost
   * 0.22 – 0.24 ms per request; wrk 0.12 ms).
   */
  private void load(int seconds) throws InterruptedException {
    boolean fixed = rate > 0;
    // A fixed rate needs spare connections for the answers that are slow (64 unless told).
    int total = fixed && connections == 32 ? 64 : connections;
    int loops = Math.max(1, Math.min(threads, total));
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    long requests = fixed ? (long) (rate * seconds) : 0;
    CountDownLatch done = new CountDownLatch(loops);
    for (int l = 0; l < loops; l++) {
      int share = total / loops + (l < total % loops ? 1 : 0);
      Loop loop = new Loop(l, loops, share, fixed, start, end, requests);
      Thread t =
          new Thread(
              () -> {
                try {
                  loop.run();
                } catch (IOException | RuntimeException e) {
                  // The generator itself failed: no figure from it may be taken as a result.
                  e.printStackTrace();
                  System.exit(3);
                } finally {
                  done.countDown();
                }
              },
              "loadgen-" + l);
      t.setDaemon(true);
      t.start();
    }
    done.await();
  }

  private record Due(Request request, long due) {}

  /**
   * One event loop. Closed loop: each connection sends its next request when the last was
   * answered, until the phase ends. Fixed rate, as wrk2: request i is due at start + i/rate (this
   * loop takes every {@code of}-th i), goes out on a free connection at its due time or, all busy,
   * as soon as one is free, and is timed from its due time; what still waits when the phase ends
   * is not sent but counted ({@code unsent}: the server was that far behind its schedule).
   */
  private final class Loop {
    private final int index;
    private final int of;
    private final boolean fixed;
    private final long start;
    private final long end;
    private final long requests;
    private final Selector selector;
    private final List<Conn> conns = new ArrayList<>();
    private final java.util.ArrayDeque<Conn> idle = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Due> waiting = new java.util.ArrayDeque<>();
    private int busy;

    Loop(int index, int of, int connections, boolean fixed, long start, long end, long requests) {
      this.index = index;
      this.of = of;
      this.fixed = fixed;
      this.start = start;
      this.end = end;
      this.requests = requests;
      try {
        this.selector = Selector.open();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      for (int c = 0; c < connections; c++) {
        conns.add(new Conn(new InetSocketAddress(host, port)));
      }
    }

    void run() throws IOException {
      try {
        idle.addAll(conns);
        if (fixed) {
          fixedRate();
        } else {
          closedLoop();
        }
      } finally {
        conns.forEach(Conn::close);
        selector.close();
      }
    }

    private void closedLoop() throws IOException {
      while (true) {
        // The free connections send (at the start, and after a failure: once per round, so that
        // a server that is away is tried again every 10 ms, not in a spin).
        for (int n = idle.size(); n > 0 && !idle.isEmpty() && System.nanoTime() < end; n--) {
          send(idle.pop(), take(), System.nanoTime());
        }
        if (busy == 0 && (idle.isEmpty() || System.nanoTime() >= end)) {
          return;
        }
        selector.select(idle.isEmpty() ? 1000 : 10);
        handle();
      }
    }

    private void fixedRate() throws IOException {
      long i = index;
      while (true) {
        long now = System.nanoTime();
        for (; i < requests && due(i) <= now; i += of) {
          waiting.add(new Due(take(), due(i)));
        }
        while (!waiting.isEmpty() && !idle.isEmpty()) {
          Due d = waiting.poll();
          if (now - d.due > 10_000_000) {
            phase.late.incrementAndGet();
          }
          send(idle.pop(), d.request, d.due);
        }
        if (i >= requests) {
          // The schedule is done: what no connection could take yet is not sent.
          phase.unsent.addAndGet(waiting.size());
          waiting.clear();
          while (busy > 0) {
            selector.select(1000);
            handle();
          }
          return;
        }
        long wait = due(i) - System.nanoTime();
        if (wait > 0) {
          // At most 1 ms late (the selector's unit), and the latency is timed from the due time.
          selector.select(Math.min(1000, Math.max(1, (wait + 999_999) / 1_000_000)));
        } else {
          selector.selectNow();
        }
        handle();
      }
    }

    private long due(long i) {
      return start + (long) (i * 1e9 / rate);
    }

    private long lastTimeoutCheck = System.nanoTime();

    /**
     * Writes and reads what is ready; an answer complete frees its connection. A request unanswered
     * for 30 s fails (the blocking client's socket timeout before).
     */
    private void handle() {
      long now = System.nanoTime();
      if (now - lastTimeoutCheck > 1_000_000_000L) {
        lastTimeoutCheck = now;
        for (Conn c : conns) {
          if (c.inFlight && now - c.sentAt > 30_000_000_000L) {
            failed(c, new IOException("no answer in 30 s"));
          }
        }
      }
      for (java.util.Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
        SelectionKey key = it.next();
        it.remove();
        Conn c = (Conn) key.attachment();
        if (!c.inFlight) {
          // A free connection that the server closed (its keep-alive ran out while it waited in
          // line): closed here too, and connected again when it next sends. Not an answer.
          c.close();
          continue;
        }
        try {
          if (key.isValid() && key.isWritable() && c.flush()) {
            key.interestOps(SelectionKey.OP_READ);
          }
          if (key.isValid() && key.isReadable()) {
            Conn.Response response = c.read();
            if (response != null) {
              answered(c, response);
            }
          }
        } catch (IOException e) {
          failed(c, e);
        }
      }
    }

    private void send(Conn c, Request r, long from) {
      busy++;
      try {
        c.send(r, from, selector);
      } catch (IOException e) {
        failed(c, e);
      }
    }

    private void answered(Conn c, Conn.Response response) {
      busy--;
      c.inFlight = false;
      Phase p = phase;
      p.record(response.status(), System.nanoTime() - c.from, c.from, response.body(), c.request);
      if (kind.equals("submit") && response.status() == 201) {
        if (response.replayed()) {
          p.replayed.incrementAndGet();
        } else if (response.location() != null) {
          String l = response.location();
          p.registered(l.substring(l.lastIndexOf('/') + 1), c.request.mobile);
        }
      }
      after(c);
    }

    private void failed(Conn c, IOException e) {
      busy--;
      c.inFlight = false;
      phase.record(-1, System.nanoTime() - c.from, c.from, e.toString(), c.request);
      c.close();
      idle.push(c); // connected again when it next sends
    }

    /** The connection is free: its next request (closed loop, until the end), or back in line. */
    private void after(Conn c) {
      if (!fixed && System.nanoTime() < end) {
        send(c, take(), System.nanoTime());
      } else if (fixed) {
        idle.push(c);
      }
    }
  }

  /**
   * One keep-alive HTTP/1.1 connection, as wrk keeps them, non-blocking: a request written in one
   * go (or as the socket takes it), the answer read by Content-Length or chunks.
   */
  private static final class Conn {
    record Response(int status, String location, boolean replayed, String body) {}

    private final InetSocketAddress server;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer out;
    private byte[] in = new byte[16384];
    private int length;
    Request request;
    /** When the answer's time is counted from (sent, or due at a fixed rate), and when sent. */
    long from;
    long sentAt;
    boolean inFlight;

    Conn(InetSocketAddress server) {
      this.server = server;
    }

    void send(Request r, long from, Selector selector) throws IOException {
      if (inFlight) {
        throw new IllegalStateException("a connection sent again before its answer");
      }
      this.request = r;
      this.from = from;
      this.sentAt = System.nanoTime();
      this.inFlight = true;
      if (channel == null) {
        channel = SocketChannel.open(server);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        key = channel.register(selector, 0, this);
      }
      out = ByteBuffer.wrap(r.wire);
      length = 0;
      key.interestOps(flush() ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
    }

    /** Writes what the socket takes; true once the whole request is out. */
    boolean flush() throws IOException {
      channel.write(out);
      return !out.hasRemaining();
    }

    /** Reads what has come; the answer once it is complete, else null. */
    Response read() throws IOException {
      while (true) {
        if (length == in.length) {
          in = Arrays.copyOf(in, in.length * 2);
        }
        int n = channel.read(ByteBuffer.wrap(in, length, in.length - length));
        if (n < 0) {
          throw new IOException("connection closed by the server");
        }
        if (n == 0) {
          return null;
        }
        length += n;
        Response r = parse();
        if (r != null) {
          return r;
        }
      }
    }

    private Response parse() throws IOException {
      int head = indexOf(in, 0, length, CRLFCRLF);
      if (head < 0) {
        return null;
      }
      String headers = new String(in, 0, head, StandardCharsets.ISO_8859_1);
      int code = Integer.parseInt(headers, 9, 12, 10);
      int contentLength = -1;
      boolean chunked = false, close = false, replayed = false;
      String location = null;
      for (int at = headers.indexOf("\r\n") + 2; at > 1 && at < headers.length(); ) {
        int eol = headers.indexOf("\r\n", at);
        if (eol < 0) {
          eol = headers.length();
        }
        int colon = headers.indexOf(':', at);
        if (colon > at && colon < eol) {
          String value = headers.substring(colon + 1, eol).trim();
          if (named(headers, at, colon, "content-length")) {
            contentLength = Integer.parseInt(value);
          } else if (named(headers, at, colon, "transfer-encoding")) {
            chunked = value.equalsIgnoreCase("chunked");
          } else if (named(headers, at, colon, "connection")) {
            close = value.equalsIgnoreCase("close");
          } else if (named(headers, at, colon, "location")) {
            location = value;
          } else if (named(headers, at, colon, "idempotent-replayed")) {
            replayed = value.equals("true");
          }
        }
        at = eol + 2;
      }
      int from = head + 4;
      java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
      if (chunked) {
        for (int at = from; ; ) {
          int eol = indexOf(in, at, length, CRLF);
          if (eol < 0) {
            return null;
          }
          int size = Integer.parseInt(new String(in, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
          if (eol + 2 + size + 2 > length) {
            return null;
          }
          content.write(in, eol + 2, size);
          at = eol + 2 + size + 2;
          if (size == 0) {
            break;
          }
        }
      } else if (contentLength > 0) {
        if (from + contentLength > length) {
          return null;
        }
        if (code != request.expected) {
          content.write(in, from, contentLength);
        }
      }
      length = 0;
      if (close) {
        close();
      }
      // The body is read only where it is shown: an answer that is not the one expected.
      return new Response(
          code, location, replayed, code == request.expected ? null : content.toString(StandardCharsets.UTF_8));
    }

    /** Whether the header line at {@code at}, its name ending at {@code colon}, is {@code name}. */
    private static boolean named(String headers, int at, int colon, String name) {
      return colon - at == name.length() && headers.regionMatches(true, at, name, 0, name.length());
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CRLFCRLF = {'\r', '\n', '\r', '\n'};

    private static int indexOf(byte[] a, int from, int to, byte[] what) {
      outer:
      for (int i = from; i <= to - what.length; i++) {
        for (int j = 0; j < what.length; j++) {
          if (a[i + j] != what[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    void close() {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException ignored) {
        // closing anyway
      }
      channel = null;
      key = null;
      length = 0;
    }
  }

  /** A phase's requests, made and encoded before it starts ({@link #plan}). */
  private Request[] planned = new Request[0];

  private final java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Makes the phase's requests, each encoded as the bytes to write, before the phase starts: during
   * it, sending one is a write of bytes made beforehand, as wrk writes its own (issue 18: making a
   * submission and its JSON, request by request, cost the generator most of its 0.3 ms of CPU per
   * request on the two cores the server runs on). At a fixed rate the phase's count; in a closed
   * loop {@code plan=} per second (1,500 unless told), and beyond that, made as they are sent.
   */
  private void plan(int seconds) {
    int count = (int) Math.min(4_000_000, rate > 0 ? (long) (rate * seconds) : (long) planRate * seconds);
    Request[] requests = new Request[count];
    for (int k = 0; k < count; k++) {
      Request r = next();
      requests[k] = encoded(r);
    }
    planned = requests;
    taken.set(0);
  }

  /** The phase's next request: made beforehand, or now when those are used up. */
  private Request take() {
    int k = taken.getAndIncrement();
    return k < planned.length ? planned[k] : encoded(next());
  }

  /** The request with the bytes that send it. */
  private Request encoded(Request r) {
    if (r.wire != null) {
      return r;
    }
    byte[] body = r.body == null ? null : r.body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256);
    head.append(r.method).append(' ').append(r.path).append(" HTTP/1.1\r\nHost: ")
        .append(host).append(':').append(port)
        .append("\r\nAuthorization: Bearer ").append(token).append("\r\n");
    if (r.idempotencyKey != null) {
      head.append("Idempotency-Key: ").append(r.idempotencyKey).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] wire = Arrays.copyOf(h, h.length + (body == null ? 0 : body.length));
    if (body != null) {
      System.arraycopy(body, 0, wire, h.length, body.length);
    }
    Request e = new Request(r.method, r.path, null, r.idempotencyKey, r.expected, r.mobile, wire);
    return e;
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
    int r = incident ? 2 : only != null ? only[(int) (i % only.length)] : (int) (i % 20);
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
        // With only= every request may be a fault: one of 80,000 products then, so that a product
        // gathers customers about as rarely as in the mix (with 4,000, about four each: thousands
        // of incidents).
        long fault = only != null ? i : i / 20 * 5 + (r - 2);
        int products = only != null ? 80_000 : 4_000;
        product =
            incident
                ? "手机银行 " + baseRun + "-HOT"
                : "手机银行 " + run + "-" + Math.floorMod(splitMix(fault), products);
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
    // Encoded at once: a retry sends the same bytes again.
    Request request =
        encoded(
            new Request(
                "POST", "/api/v1/complaints", json.toString(), UUID.randomUUID().toString(), 201, mobile));
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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical limit of a registration's writes on this machine (issue 18): the rows that real
 * registrations wrote (the complaints of one intake run, found by their subject tag) are written
 * again by a plain JDBC program, into copies of their tables with the same columns, defaults and
 * indexes (in schema {@code bench_limit}; the indexes not unique, so the same rows can be written
 * again; no foreign keys). Two ways:
 *
 * <ul>
 *   <li>{@code per-complaint}: one transaction per complaint, one INSERT per row, as the
 *       application writes today;
 *   <li>{@code group=N}: N complaints per transaction, each table's rows in one JDBC batch
 *       (rewritten by the driver into multi-row INSERTs): group commit.
 * </ul>
 *
 * <p>With {@code MODE=table} or {@code MODE=composite} in the environment, each transaction of
 * {@code group} complaints (1: a registration written alone) is written either as one JDBC batch
 * per table (EclipseLink's batch writing: one round trip per table), or as one text of all its
 * INSERTs in one round trip (what the experiment on branch {@code experiment/one-round-trip-writes}
 * did, docs/benchmarks.md); add {@code &prepareThreshold=0} to the URL to see the text parsed anew
 * each time. {@code TEMPLATES} (1000)
 * is how many of the run's complaints are read as templates.
 *
 * <p>{@code java -cp <postgresql.jar> bench/JdbcLimit.java <jdbc url> <user> <password> <subject
 * tag> <seconds> <writers> <group>} prints complaints/s; the calling script measures PostgreSQL's
 * CPU.
 */
public final class JdbcLimit {

  /** The tables a registration writes in its transaction, and the query of a complaint's rows. */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    // A registration's own rows: those written within a second of it (later steps excluded).
    String atRegistration = "(select registered_at + interval '1 second' from complaint where id = ?)";
    TABLES.put("complaint", "select * from complaint where id = ?");
    TABLES.put("idempotency_key", "select * from t_idempotency_key where complaint_id = ?");
    TABLES.put(
        "case_event",
        "select * from case_event where complaint_id = ? and occurred_at <= " + atRegistration);
    TABLES.put(
        "audit_entry",
        "select * from t_audit_entry where subject = 'complaint:' || ? and recorded_at <= "
            + atRegistration);
    // Emptied by the audit linker and the statistics refresher once done: as written then.
    TABLES.put(
        "audit_pending",
        "select id as entry_id, null::timestamptz as refused_at from t_audit_entry"
            + " where subject = 'complaint:' || ? and recorded_at <= "
            + atRegistration);
    TABLES.put(
        "sla_clock",
        "select * from sla_clock where complaint_id = ? and started_at <= " + atRegistration);
    TABLES.put(
        "work_task",
        "select * from work_task where complaint_id = ? and created_at <= " + atRegistration);
    TABLES.put(
        "outbox_message",
        "select * from t_outbox_message where message_key = (select complaint_number from complaint"
            + " where id = ?) and created_at <= "
            + atRegistration);
    TABLES.put(
        "stat_pending",
        "select id, id as complaint_id, registered_at as created_at from complaint where id = ?");
    TABLES.put("complaint_account", "select * from complaint_account where complaint_id = ?");
    TABLES.put("complaint_product", "select * from complaint_product where complaint_id = ?");
    TABLES.put("complaint_cause_tag", "select * from complaint_cause_tag where complaint_id = ?");
    TABLES.put(
        "complaint_task_force", "select * from complaint_task_force where complaint_id = ?");
  }

  /**
   * The rows of the tables the application never asks for by complaint (no index on the column the
   * query above looks a complaint up by), narrowed once to the templates' in temporary tables:
   * looked up per template in the whole table, a grown benchmark database took minutes to read.
   */
  private static final Map<String, String> NARROWED =
      Map.of(
          "t_idempotency_key",
          "select k.* from idempotency_key k where k.complaint_id in (select id from templates)",
          "t_audit_entry",
          "select a.* from audit_entry a"
              + " where a.subject in (select 'complaint:' || id from templates)",
          "t_outbox_message",
          "select m.* from outbox_message m"
              + " where m.message_key in (select complaint_number from templates)");

  /** "table" or "composite" (see the class's summary); empty: as the group size says. */
  private static final String MODE = System.getenv().getOrDefault("MODE", "");

  /** One table's rows of one complaint. */
  private record Rows(String table, String insert, List<Object[]> values) {}

  public static void main(String[] args) throws Exception {
    String url = args[0], user = args[1], password = args[2], tag = args[3];
    int seconds = Integer.parseInt(args[4]);
    int writers = Integer.parseInt(args[5]);
    int group = Integer.parseInt(args[6]);
    List<List<Rows>> templates = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      prepareSchema(c);
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id from complaint where subject like ? order by id limit "
                  + System.getenv().getOrDefault("TEMPLATES", "1000"))) {
        ps.setString(1, "%[" + tag + "-%");
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("no complaint's subject carries [" + tag + "-");
      }
      try (Statement s = c.createStatement()) {
        s.execute(
            "create temporary table templates as select id, complaint_number from complaint"
                + " where id in ("
                + String.join(",", ids.stream().map(String::valueOf).toList())
                + ")");
        for (Map.Entry<String, String> narrowed : NARROWED.entrySet()) {
          s.execute("create temporary table " + narrowed.getKey() + " as " + narrowed.getValue());
        }
      }
      for (long id : ids) {
        templates.add(rowsOf(c, id));
      }
    }
    long rows = templates.stream().flatMap(List::stream).mapToLong(r -> r.values.size()).sum();
    System.out.printf(
        "templates: %d complaints of run %s, %.1f rows each%n",
        templates.size(), tag, (double) rows / templates.size());

    AtomicLong written = new AtomicLong();
    long cpuBefore = cpuNanos();
    long busyBefore = machineBusyTicks();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(writers);
    String batchUrl = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    for (int w = 0; w < writers; w++) {
      int writer = w;
      new Thread(
              () -> {
                try (Connection c =
                    DriverManager.getConnection(
                        group > 1 || !MODE.isEmpty() ? batchUrl : url, user, password)) {
                  c.setAutoCommit(false);
                  c.createStatement().execute("set search_path = bench_limit");
                  int next = writer;
                  while (System.nanoTime() < end) {
                    List<List<Rows>> batch = new ArrayList<>();
                    for (int k = 0; k < Math.max(group, 1); k++) {
                      batch.add(templates.get(next++ % templates.size()));
                    }
                    if (MODE.equals("composite")) {
                      writeComposite(c, batch);
                    } else if (group > 1 || MODE.equals("table")) {
                      writeGrouped(c, batch);
                    } else {
                      for (Rows r : batch.get(0)) {
                        for (Object[] v : r.values) {
                          try (PreparedStatement ps = c.prepareStatement(r.insert)) {
                            bind(ps, v);
                            ps.executeUpdate();
                          }
                        }
                      }
                    }
                    c.commit();
                    written.addAndGet(batch.size());
                  }
                } catch (Exception e) {
                  e.printStackTrace();
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    done.await();
    System.out.printf(
        "result mode=%s writers=%d complaints=%d complaints_per_s=%.1f writer_cpu_ms=%.2f"
            + " machine_cpu_ms=%.2f%n",
        (MODE.isEmpty() ? "" : MODE + ", ") + (group > 1 ? "group=" + group : "per-complaint"),
        writers,
        written.get(),
        written.get() / (double) seconds,
        (cpuNanos() - cpuBefore) / 1e6 / written.get(),
        (machineBusyTicks() - busyBefore) * 10.0 / written.get());
  }

  /** The machine's busy time while writing, in Linux's 1/100 s ticks (/proc/stat). */
  private static long machineBusyTicks() throws java.io.IOException {
    String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
    // user nice system idle iowait irq softirq steal
    return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
        + Long.parseLong(f[7]) + Long.parseLong(f[8]);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** All the transaction's INSERTs as one text: the driver sends them with one sync. */
  private static void writeComposite(Connection c, List<List<Rows>> batch) throws Exception {
    StringBuilder sql = new StringBuilder();
    List<Object[]> rows = new ArrayList<>();
    for (List<Rows> complaint : batch) {
      for (Rows r : complaint) {
        for (Object[] v : r.values) {
          sql.append(sql.length() == 0 ? "" : ";\n").append(r.insert);
          rows.add(v);
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int p = 1;
      for (Object[] v : rows) {
        for (Object value : v) {
          ps.setObject(p++, value);
        }
      }
      ps.execute();
    }
  }

  private static void writeGrouped(Connection c, List<List<Rows>> batch) throws Exception {
    Map<String, PreparedStatement> statements = new LinkedHashMap<>();
    try {
      for (List<Rows> complaint : batch) {
        for (Rows r : complaint) {
          PreparedStatement ps = statements.get(r.table);
          if (ps == null) {
            ps = c.prepareStatement(r.insert);
            statements.put(r.table, ps);
          }
          for (Object[] v : r.values) {
            bind(ps, v);
            ps.addBatch();
          }
        }
      }
      for (PreparedStatement ps : statements.values()) {
        ps.executeBatch();
      }
    } finally {
      for (PreparedStatement ps : statements.values()) {
        ps.close();
      }
    }
  }

  private static void bind(PreparedStatement ps, Object[] v) throws Exception {
    for (int i = 0; i < v.length; i++) {
      ps.setObject(i + 1, v[i]);
    }
  }

  private static List<Rows> rowsOf(Connection c, long complaintId) throws Exception {
    List<Rows> result = new ArrayList<>();
    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      String query = t.getValue();
      try (PreparedStatement ps = c.prepareStatement(query)) {
        for (int i = 1; i <= query.chars().filter(ch -> ch == '?').count(); i++) {
          ps.setLong(i, complaintId);
        }
        try (ResultSet rs = ps.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          List<String> columns = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnName(i));
          }
          List<Object[]> values = new ArrayList<>();
          while (rs.next()) {
            Object[] v = new Object[columns.size()];
            for (int i = 0; i < v.length; i++) {
              v[i] = rs.getObject(i + 1);
            }
            values.add(v);
          }
          if (!values.isEmpty()) {
            String insert =
                "insert into "
                    + t.getKey()
                    + " ("
                    + String.join(", ", columns)
                    + ") overriding system value values ("
                    + String.join(", ", columns.stream().map(x -> "?").toList())
                    + ")";
            result.add(new Rows(t.getKey(), insert, values));
          }
        }
      }
    }
    return result;
  }

  /** The tables' copies, with their indexes (not unique) and no rows. */
  private static void prepareSchema(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("drop schema if exists bench_limit cascade");
      s.execute("create schema bench_limit");
      for (String table : TABLES.keySet()) {
        s.execute(
            "create table bench_limit."
                + table
                + " (like public."
                + table
                + " including defaults including identity including generated)");
        List<String> indexes = new ArrayList<>();
        try (ResultSet rs =
            s.executeQuery(
                "select indexdef from pg_indexes where schemaname = 'public' and tablename = '"
                    + table
                    + "'")) {
          while (rs.next()) {
            indexes.add(rs.getString(1));
          }
        }
        for (String def : indexes) {
          s.execute(
              def.replace("CREATE UNIQUE INDEX ", "CREATE INDEX ")
                  .replaceFirst("CREATE INDEX (\\S+)", "CREATE INDEX bench_$1")
                  .replace(" ON public.", " ON bench_limit."));
        }
      }
    }
  }
}

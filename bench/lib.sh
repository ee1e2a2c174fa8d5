# Sourced by the load benchmarks (intake-load.sh, read-load.sh) after they set root, base_url and
# log: checks that the system is up, finds its processes, and gives the helpers below.
#   loadgen <kind> key=value...   bench/LoadGen.java (closed loop or fixed rate; prints "result …")
#   cpu_mark / cpu_report N what  CPU seconds the server, PostgreSQL and the broker spent since the
#                                 mark, per N requests (/proc/<pid>/stat utime + stime)
#   task_wait_start / task_wait_stop / task_wait_between T0 T1   the department's wait (TaskWait)
#   field <name> <result line>    one key=value of LoadGen's result line
#   settle                        waits until the server's background work is done
#   pg_work_mark / pg_work_between T0 T1   PostgreSQL's own work in a window: its autovacuum and
#                                 autoanalyze rounds (each table's last, at its second) and
#                                 checkpoints, which the fixed-rate tails are read against
#   as_postgres SQL / waldump ARGS  a statement as PostgreSQL's superuser, pg_waldump over the
#                                 server's own pg_wal (root on the database's host: the WAL benchmarks)
# shellcheck disable=SC2034
export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432} PGDATABASE=${DB_NAME:-complaints}
export PGUSER=${DB_USER:-complaints} PGPASSWORD=${DB_PASSWORD:-complaints}
runtime_dir=${RUNTIME_DIR:-$root/.run}
artemis_lib=$(ls -d "$runtime_dir"/dist/apache-artemis-*/lib 2>/dev/null | head -1)
curl -fsS "$base_url/health/ready" > /dev/null || { echo "the system is not up: ./complaints up --db postgresql" >&2; exit 1; }
psql -qtAX -c 'select 1' > /dev/null || { echo "no PostgreSQL at $PGHOST:$PGPORT (the benchmarks run on PostgreSQL)" >&2; exit 1; }

server_pid=$(cat "$runtime_dir"/dist/payara6/glassfish/domains/domain1/config/pid 2>/dev/null || true)
broker_pids() { pgrep -f 'org.apache.activemq.artemis.boot.Artemis' | tr '\n' ' '; }
postgres_pids() { pgrep -u postgres | tr '\n' ' '; }

# Each run's customers are new: a counter kept beside the runtime picks the mobiles' prefix.
next_seed() {
  local file=$runtime_dir/bench-seed seed
  seed=$(( ($(cat "$file" 2>/dev/null || echo 0) + 1) % 1000 ))
  echo "$seed" > "$file"
  echo "$seed"
}

# HOT=<percent>: that share of the submissions is a mass incident in progress (one product, many
# customers; LoadGen hot=).
loadgen() { java "$root/bench/LoadGen.java" "$@" ${HOT:+hot=$HOT} url="$base_url"; }

field() { tr ' ' '\n' <<< "$2" | awk -F= -v k="$1" '$1 == k {print $2}'; }

ticks() { # pids... -> utime + stime in clock ticks, summed over those still running
  local sum=0 pid t
  for pid in "$@"; do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    sum=$((sum + t))
  done
  echo "$sum"
}

# PostgreSQL's CPU: its running processes', plus what the backends that exited meanwhile used (the
# postmaster waits for them, so their time is in its cutime and cstime). Without the latter a
# backend that ended between mark and report took its ticks with it: negative figures.
pg_ticks() {
  local postmaster exited
  postmaster=$(pgrep -u postgres -o -x postgres || true)
  exited=$(awk '{print $16 + $17}' "/proc/$postmaster/stat" 2>/dev/null || echo 0)
  echo $(($(ticks $(postgres_pids)) + exited))
}

# Deadline alerts the server raised so far (warnings and escalations, R-P1): work of complaints
# registered earlier, that a phase's CPU figures include. The benchmark's complaints are never
# handled, so every run's clocks warn and escalate later (a Red one 45 minutes on): a phase that
# meets an earlier run's wave costs more per request for it, and says so.
alerts_raised() {
  curl -fsS "$base_url/metrics" 2>/dev/null \
    | awk '/^complaints_escalation_lag_ms_count/ {printf "%d", $2; found=1} END {if (!found) print 0}'
}

cpu_mark() {
  mark_alerts=$(alerts_raised)
  mark_server=$(ticks $server_pid)
  mark_pg=$(pg_ticks)
  mark_broker=$(ticks $(broker_pids))
  mark_at=$(date +%s%N)
}

cpu_report() { # requests, what -> "server X ms, PostgreSQL Y ms, broker Z ms per <what>"
  local n=$1 hz server pg broker
  hz=$(getconf CLK_TCK)
  server=$(( $(ticks $server_pid) - mark_server ))
  pg=$(( $(pg_ticks) - mark_pg ))
  broker=$(( $(ticks $(broker_pids)) - mark_broker ))
  alerts=$(( $(alerts_raised) - mark_alerts ))
  awk -v n="$n" -v hz="$hz" -v s="$server" -v p="$pg" -v b="$broker" -v w="$2" -v a="$alerts" 'BEGIN {
    if (n == 0) { print "cpu: nothing done"; exit }
    printf "cpu per %s: server %.2f ms, PostgreSQL %.2f ms, broker %.2f ms (total %.2f ms);" \
      " deadline alerts raised meanwhile %d (%.2f per %s)\n", w, s * 1000 / hz / n, p * 1000 / hz / n,
      b * 1000 / hz / n, (s + p + b) * 1000 / hz / n, a, a / n, w }'
}

# Waits (up to 3 minutes) until the server is idle: after an intake run its background work (the
# outbox relay, the audit chain, statistics) goes on for a while and would be charged to the next.
settle() {
  local hz before after
  hz=$(getconf CLK_TCK)
  for _ in $(seq 1 36); do
    before=$(ticks $server_pid); sleep 5; after=$(ticks $server_pid)
    if [ $(( (after - before) * 100 / (5 * hz) )) -lt 10 ]; then return 0; fi
  done
  log "the server is still busy after 3 minutes; measuring anyway"
}

task_wait_start() { # consumes the task queues as the departments do, and the other outgoing
  # queues as the bank's gateways and desks do (unread, they page to disk and the broker's CPU per
  # message rises several times), for the whole run
  [ -n "$artemis_lib" ] || { log "no Artemis under $runtime_dir/dist: no department wait"; return 0; }
  task_wait_file=$(mktemp)
  java -cp "$artemis_lib/*" "$root/bench/TaskWait.java" "tcp://${BROKER_HOST:-127.0.0.1}:${BROKER_PORT:-61616}" \
    "${BROKER_DEPARTMENT_PASSWORD:-department}" CSC EBANK OPS CARDS RETAIL_LENDING WEALTH \
    --drain "${BROKER_USER:-complaints}" "${BROKER_PASSWORD:-complaints}" complaints.notifications \
    complaints.incidents complaints.escalations.owner complaints.escalations.supervisor \
    complaints.escalations.department-head complaints.escalations.head-office > "$task_wait_file" &
  task_wait_pid=$!
}

task_wait_stop() { [ -n "${task_wait_pid:-}" ] && kill "$task_wait_pid" 2>/dev/null; rm -f "${task_wait_file:-}"; }

task_wait_between() { # epoch ms from, to -> percentiles of the tasks opened in that window: the
  # wait the issue defines (committed->delivered) and its two parts, the relay's (committed->sent:
  # the hand-off after the commit and the send) and the broker's (sent->delivered: the rest of
  # the send's batch, its journal write, the delivery to the department)
  [ -n "${task_wait_file:-}" ] || return 0
  sleep 2 # the last tasks of the window delivered and flushed
  python3 - "$task_wait_file" "$1" "$2" <<'PY'
import sys
lines = [l.split() for l in open(sys.argv[1]) if len(l.split()) == 4]
t0, t1 = int(sys.argv[2]), int(sys.argv[3])
rows = [(int(o), int(s), int(d), c) for o, s, d, c in lines if t0 <= int(o) <= t1]
def pct(v, p): return v[max(0, -(-len(v) * p // 100) - 1)] if v else 0
for name, vals in (("committed->delivered", sorted(d - int(c) for o, s, d, c in rows if c != "-")),
                   ("opened->delivered", sorted(d - o for o, s, d, c in rows)),
                   ("opened->sent (relay)", sorted(s - o for o, s, d, c in rows)),
                   ("committed->sent (relay)", sorted(s - int(c) for o, s, d, c in rows if c != "-")),
                   ("sent->delivered (broker)", sorted(d - s for o, s, d, c in rows))):
    print(f"department wait {name}: tasks={len(vals)} p50={pct(vals, 50)}ms p99={pct(vals, 99)}ms max={vals[-1] if vals else 0}ms")
PY
}

as_postgres() { env -u PGDATABASE -u PGUSER -u PGPASSWORD -u PGHOST su postgres -c "psql -qtAX -c \"$1\""; }

waldump() { # pg_waldump arguments...
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  "$bin/pg_waldump" -p "$(as_postgres "show data_directory")/pg_wal" "$@"
}

# PostgreSQL's own work in a window (issue 18: the slow seconds of fixed-rate runs have fallen on
# its autovacuum rounds and on checkpoints). pg_work_mark counts the rounds and
# checkpoints so far; pg_work_between (epoch ms from, to) prints how many came since, and the
# last autovacuum / autoanalyze of each table that fell in the window, at its second from T0 (as
# LoadGen counts its slow seconds). A table done twice in the window shows its last round only.
pg_work_counts() {
  local checkpoints="checkpoints_timed, checkpoints_req from pg_stat_bgwriter"
  if [ "$(psql -qtAX -c 'show server_version_num')" -ge 170000 ]; then
    checkpoints="num_timed, num_requested from pg_stat_checkpointer"
  fi
  psql -qtAX -F ' ' -c "select (select coalesce(sum(autovacuum_count), 0) from pg_stat_user_tables),
    (select coalesce(sum(autoanalyze_count), 0) from pg_stat_user_tables), $checkpoints"
}
pg_work_mark() { pg_work_marked=$(pg_work_counts); }
pg_work_between() {
  local v0 a0 ct0 cr0 v1 a1 ct1 cr1 rounds
  read -r v0 a0 ct0 cr0 <<< "$pg_work_marked"
  read -r v1 a1 ct1 cr1 <<< "$(pg_work_counts)"
  rounds=$(psql -qtAX -F ' ' -c "
    select string_agg(format('+%ss: %s', s, tables), '; ' order by s)
    from (select s, string_agg(relname || ' ' || kind, ', ' order by relname, kind) as tables
          from (select relname, 'vacuum' as kind,
                       floor(extract(epoch from last_autovacuum) - $1 / 1000.0) as s
                from pg_stat_user_tables
                union all
                select relname, 'analyze', floor(extract(epoch from last_autoanalyze) - $1 / 1000.0)
                from pg_stat_user_tables) r
          where s between 0 and ($2 - $1) / 1000.0
          group by s) by_second")
  echo "PostgreSQL's own work meanwhile: $((v1 - v0)) autovacuum and $((a1 - a0)) autoanalyze rounds (${rounds:-none in the window}); checkpoints $((ct1 + cr1 - ct0 - cr0)) ($((ct1 - ct0)) timed, $((cr1 - cr0)) requested: WAL volume or a CHECKPOINT)"
}

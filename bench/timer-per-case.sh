#!/usr/bin/env bash
# The road not taken (issue 4): one persistent EJB timer per case, at N cases, measured the way
# bench/escalation-burst.sh measures the scanner. Reports how long creating the timers took, the
# server's boot time and heap after GC with them, and the lag of a burst of 10,000 timers due over
# one minute.
#
#   ./complaints up --db postgresql        # the running system (its domain hosts the bench war)
#   bench/timer-per-case.sh 100000
#
# The bench war (bench/timer-per-case, not part of the product) stores its timers in Payara's
# default persistent timer store (jdbc/__TimerPool) and records each expiry in bench_timer_fired
# of the product database. It is undeployed at the end, which deletes its timers.
set -euo pipefail
cases=${1:?usage: bench/timer-per-case.sh <cases>}
burst=${BURST:-10000}
spread=${SPREAD_SECONDS:-60}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
asadmin=$root/.run/dist/payara6/bin/asadmin
export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432} PGDATABASE=${DB_NAME:-complaints}
export PGUSER=${DB_USER:-complaints} PGPASSWORD=${DB_PASSWORD:-complaints}
sql() { psql -v ON_ERROR_STOP=1 -qtAX "$@"; }
log() { printf '[bench] %s\n' "$*"; }
server_pid() { pgrep -f 'com.sun.enterprise.glassfish.bootstrap.ASMain' | head -n 1; }
heap_after_gc() { # MB used after a full GC
  local pid; pid=$(server_pid)
  jcmd "$pid" GC.run > /dev/null
  jcmd "$pid" GC.heap_info | awk '/garbage-first heap|PSYoungGen|total/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%d", v / 1024; exit } }'
}
restart_and_time() { # seconds from start-domain until the bench war answers
  "$asadmin" stop-domain domain1 > /dev/null
  local t0; t0=$(date +%s.%N)
  "$asadmin" start-domain domain1 > /dev/null
  until curl -fsS "$base_url/timer-bench/timers" > /dev/null 2>&1; do sleep 0.2; done
  echo "$(date +%s.%N) - $t0" | bc
}

curl -fsS "$base_url/health/ready" > /dev/null || { echo "the system is not up: ./complaints up --db postgresql" >&2; exit 1; }
log "building and deploying the bench war"
"$root/mvnw" -q -f "$root/bench/timer-per-case/pom.xml" package -DskipTests
"$asadmin" undeploy timer-per-case > /dev/null 2>&1 || true
"$asadmin" deploy --name timer-per-case --contextroot /timer-bench "$root/bench/timer-per-case/target/timer-per-case.war" > /dev/null
sql -c "create table if not exists bench_timer_fired (case_id bigint, due_at timestamptz, fired_at timestamptz); truncate bench_timer_fired;"

log "baseline (no bench timers): boot $(restart_and_time) s, heap after GC $(heap_after_gc) MB"

background=$(( cases - burst ))
log "creating $background persistent timers due in 1-30 days"
curl -fsS -X POST "$base_url/timer-bench/timers?firstCase=1&count=$background&startInMillis=86400000&spacingMillis=$(( 2592000000 / background ))"
log "timers: $(curl -fsS "$base_url/timer-bench/timers")"
log "with $background timers: boot $(restart_and_time) s, heap after GC $(heap_after_gc) MB, timers after restart: $(curl -fsS "$base_url/timer-bench/timers")"

log "burst: $burst timers due over the next $spread s (starting in 5 s)"
curl -fsS -X POST "$base_url/timer-bench/timers?firstCase=$(( background + 1 ))&count=$burst&startInMillis=5000&spacingMillis=$(( spread * 1000 / burst ))"
deadline=$(( $(date +%s) + spread + 180 ))
while :; do
  fired=$(sql -c "select count(*) from bench_timer_fired")
  [ "$fired" -ge "$burst" ] && break
  [ "$(date +%s)" -gt "$deadline" ] && { log "only $fired of $burst fired in time"; break; }
  sleep 2
done
log "fired: $fired of $burst; duplicates: $(sql -c "select count(*) - count(distinct case_id) from bench_timer_fired")"
sql <<SQL
select 'lag_ms p50=' || round(percentile_cont(0.5) within group (order by ms)::numeric, 1)
    || ' p99=' || round(percentile_cont(0.99) within group (order by ms)::numeric, 1)
    || ' max=' || round(max(ms)::numeric, 1)
from (select extract(epoch from fired_at - due_at) * 1000 as ms from bench_timer_fired) lags;
SQL
log "undeploying the bench war (deletes its timers)"
"$asadmin" undeploy timer-per-case > /dev/null

#!/usr/bin/env bash
# What one registration costs at different loads (issue 18): the bank's mix (bench/LoadGen.java)
# at each of RATES (a fixed rate, timed from each request's due time; 0 = saturation with
# CONNECTIONS clients), one phase after the other on the running server, each started on an idle
# server after LEAD seconds at its rate that are not measured. For each phase and for the server,
# PostgreSQL and the broker: user and system CPU milliseconds per registered complaint
# (/proc/<pid>/stat), and voluntary and involuntary context switches per complaint (summed over
# the threads alive at both ends of the phase, /proc/<pid>/task/*/status: a thread that ended
# within the phase takes its switches with it; PostgreSQL's exited backends are counted in its CPU
# only). The department's consumer (bench/TaskWait.java) reads the queues throughout, as in
# bench/intake-load.sh. A probe of cost, not of correctness: intake-load.sh compares the stored
# complaints with the 201s.
#
#   ./complaints up --db postgresql
#   bench/cost-by-load.sh                # WARMUP=120 DURATION=40 RATES="150 300 0" LEAD=10
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
warmup=${WARMUP:-120}
duration=${DURATION:-40}
connections=${CONNECTIONS:-32}
rates=${RATES:-150 300 0}
lead=${LEAD:-10}
log() { printf '[bench] %s\n' "$*"; }
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
token=$("$root/complaints" token channel --channel MOBILE_APP --name bench-mobile-app)
run=$(date -u +%H%M%S)
out_file=$(mktemp)
trap 'task_wait_stop; rm -f "$out_file"' EXIT
task_wait_start

# pids... -> "utime stime voluntary involuntary" (ticks; context switches of the live threads)
usage() {
  local pid u s sum_u=0 sum_s=0 v n sum_v=0 sum_n=0
  for pid in "$@"; do
    read -r u s < <(awk '{print $14, $15}' "/proc/$pid/stat" 2> /dev/null || echo "0 0")
    read -r v n < <(cat "/proc/$pid"/task/*/status 2> /dev/null \
      | awk '/^voluntary_ctxt_switches/ {v += $2} /^nonvoluntary_ctxt_switches/ {n += $2} END {print v + 0, n + 0}')
    sum_u=$((sum_u + u)) sum_s=$((sum_s + s)) sum_v=$((sum_v + v)) sum_n=$((sum_n + n))
  done
  echo "$sum_u $sum_s $sum_v $sum_n"
}

# PostgreSQL's, with the CPU of the backends that exited meanwhile (in the postmaster's cutime and
# cstime, as lib.sh's pg_ticks); their context switches are not counted
pg_usage() {
  local postmaster u s v n cu cs
  postmaster=$(pgrep -u postgres -o -x postgres || true)
  read -r u s v n < <(usage $(postgres_pids))
  read -r cu cs < <(awk '{print $16, $17}' "/proc/$postmaster/stat" 2> /dev/null || echo "0 0")
  echo "$((u + cu)) $((s + cs)) $v $n"
}

# name, complaints, usage before, usage after -> its line
per_complaint() {
  local name=$1 n=$2 hz
  hz=$(getconf CLK_TCK)
  read -r u0 s0 v0 c0 <<< "$3"
  read -r u1 s1 v1 c1 <<< "$4"
  awk -v w="$name" -v n="$n" -v hz="$hz" -v u=$((u1 - u0)) -v s=$((s1 - s0)) -v v=$((v1 - v0)) -v c=$((c1 - c0)) 'BEGIN {
    printf "  %-10s CPU %.2f ms (user %.2f, system %.2f); context switches %.1f voluntary, %.1f involuntary\n",
      w, (u + s) * 1000 / hz / n, u * 1000 / hz / n, s * 1000 / hz / n, v / n, c / n }'
}

log "machine: $(nproc) cores; run $run; warm-up ${warmup}s, then ${duration}s per phase at each of: $rates (0 = saturation)"
loadgen submit token="$token" run="$run-w" seed="$(next_seed)" duration="$warmup" \
  connections="$connections" > /dev/null
for rate in $rates; do
  settle
  loadgen submit token="$token" run="$run-r$rate" seed="$(next_seed)" duration="$duration" \
    rate="$rate" connections="$connections" warmup="$lead" > "$out_file" &
  lg=$!
  until grep -q '^measuring ' "$out_file" || ! kill -0 "$lg" 2> /dev/null; do sleep 0.05; done
  server_before=$(usage "$server_pid")
  pg_before=$(pg_usage)
  broker_before=$(usage $(broker_pids))
  wait "$lg"
  server_after=$(usage "$server_pid")
  pg_after=$(pg_usage)
  broker_after=$(usage $(broker_pids))
  result=$(grep '^result phase=measured' "$out_file")
  registered=$(($(field ok "$result") - $(field replayed "$result")))
  other=$(($(field requests "$result") - $(field ok "$result")))
  log "$( [ "$rate" = 0 ] && echo "saturation ($connections clients)" || echo "fixed $rate/s"):" \
    "$(field ok_per_s "$result")/s answered 201, p50 $(field p50 "$result"), p99 $(field p99 "$result"); $registered registered, $other other answers"
  [ "$other" = 0 ] || grep '^non-201 ' "$out_file" | head -5
  [ "$registered" -gt 0 ] || continue
  per_complaint server "$registered" "$server_before" "$server_after"
  per_complaint PostgreSQL "$registered" "$pg_before" "$pg_after"
  per_complaint broker "$registered" "$broker_before" "$broker_after"
done

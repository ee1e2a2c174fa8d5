#!/usr/bin/env bash
# Round trips and thread wake-ups per registered complaint (issue 18): what a registration costs
# besides its statements, at a fixed rate (where groups hold one or two submissions) or at
# saturation (where they are large). During MEASURE seconds of a LoadGen run it counts:
#   - the responses PostgreSQL and the broker sent (TCP data segments out on their ports, from
#     `ss -ti`: one per round trip, or more for a large answer), per registered complaint;
#   - PostgreSQL's committed transactions per complaint (the background work's included);
#   - the context switches of the server's, the broker's and PostgreSQL's threads per complaint
#     (/proc/<pid>/task/*/status; PostgreSQL's backends that lived through the window).
#
#   ./complaints up --db postgresql
#   bench/round-trips.sh            # WARMUP=120 RATE=300 (or RATE=sat: 32 connections) MEASURE=20
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
warmup=${WARMUP:-120}
rate=${RATE:-300}
measure=${MEASURE:-20}
log() { printf '[bench] %s\n' "$*"; }
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
token=$("$root/complaints" token channel --channel MOBILE_APP --name bench-mobile-app)
run=rt$(date -u +%H%M%S)
out=$(mktemp)
trap 'rm -f "$out"' EXIT

segments() { # port -> "peer-port data_segs_out" per established connection
  ss -tin state established "( sport = :$1 )" | awk '
    /^[0-9]/ {peer = $4; sub(/.*:/, "", peer); next}
    /data_segs_out/ {for (i = 1; i <= NF; i++) if ($i ~ /^data_segs_out:/) {split($i, v, ":"); print peer, v[2]}}'
}
sent_between() { # before after -> segments sent by the connections open at both
  awk 'NR == FNR {a[$1] = $2; next} ($1 in a) {s += $2 - a[$1]} END {print s + 0}' "$1" "$2"
}
switches() { # pids... -> voluntary + involuntary context switches of all their threads
  local pid sum=0
  for pid in "$@"; do
    sum=$((sum + $(cat /proc/"$pid"/task/*/status 2> /dev/null | awk '/ctxt_switches/ {s += $2} END {print s + 0}')))
  done
  echo "$sum"
}
stored() { psql -qtAX -c "select count(*) from complaint where subject like '%[$run-x-%'"; }
commits() { psql -qtAX -c "select xact_commit from pg_stat_database where datname = current_database()"; }

if [ "$warmup" -gt 0 ]; then
  log "warm-up: closed loop, 32 connections, ${warmup}s"
  loadgen submit token="$token" run="$run-w" seed="$(next_seed)" duration="$warmup" connections=32 > /dev/null
fi
if [ "$rate" = sat ]; then load=(connections=32); else load=(rate="$rate" warmup=15); fi
log "measuring ${measure}s in the middle of: ${load[*]}"
loadgen submit token="$token" run="$run-x" seed="$(next_seed)" duration=$((measure + 25)) "${load[@]}" > "$out" &
lg=$!
sleep 20
pg0=$(mktemp); pg1=$(mktemp); mq0=$(mktemp); mq1=$(mktemp)
segments 5432 > "$pg0"; segments 61616 > "$mq0"
# shellcheck disable=SC2046,SC2086
s0=$(switches $server_pid); b0=$(switches $(broker_pids)); p0=$(switches $(postgres_pids))
c0=$(commits); n0=$(stored)
sleep "$measure"
segments 5432 > "$pg1"; segments 61616 > "$mq1"
# shellcheck disable=SC2046,SC2086
s1=$(switches $server_pid); b1=$(switches $(broker_pids)); p1=$(switches $(postgres_pids))
c1=$(commits); n1=$(stored)
wait "$lg"
grep '^result phase=measured' "$out"
pg=$(sent_between "$pg0" "$pg1"); mq=$(sent_between "$mq0" "$mq1")
rm -f "$pg0" "$pg1" "$mq0" "$mq1"
awk -v n=$((n1 - n0)) -v seconds="$measure" -v pg="$pg" -v mq="$mq" -v c=$((c1 - c0)) \
  -v s=$((s1 - s0)) -v b=$((b1 - b0)) -v p=$((p1 - p0)) 'BEGIN {
  printf "per registered complaint (%d in %s s): PostgreSQL responses %.2f, broker responses %.2f, commits %.2f; context switches: server %.1f, broker %.1f, PostgreSQL %.1f\n",
    n, seconds, pg / n, mq / n, c / n, s / n, b / n, p / n }'

#!/usr/bin/env bash
# Read benchmark (issue 18), beside the intake one: against the running system on PostgreSQL,
#   1. a channel system's progress view of one of its complaints by number (GET
#      /api/v1/complaints/{number} with the channel's token), over complaints registered first;
#      also with wrk (2 threads, CONNECTIONS connections), the generator the Flowable peer's read
#      is measured with: on two shared cores a generator's own CPU is the server's loss, and
#      LoadGen (a JVM) costs more per request than wrk (docs/benchmarks.md);
#   2. a staff search page (GET /api/v1/complaints?… with a supervisor's token): by a customer's
#      mobile, or the newest page of Red / assigned / fee / CSC cases;
# each warmed up, then at saturation (closed loop, CONNECTIONS clients) and at a fixed rate (timed
# from each request's due time), with the CPU the server and PostgreSQL spent per read.
#
#   ./complaints up --db postgresql
#   bench/read-load.sh                   # WARMUP=60 DURATION=60 CONNECTIONS=32 RATE=300 COMPLAINTS=2000
#   KINDS=search bench/read-load.sh      # only the search page (KINDS="read search" by default)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
warmup=${WARMUP:-60}
duration=${DURATION:-60}
connections=${CONNECTIONS:-32}
rate=${RATE:-300}
complaints=${COMPLAINTS:-2000}
kinds=${KINDS:-read search}
log() { printf '[bench] %s\n' "$*"; }
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
# shellcheck source=wrk/setup.sh
. "$root/bench/wrk/setup.sh"
channel=$("$root/complaints" token channel --channel MOBILE_APP --name bench-mobile-app)
staff=$("$root/complaints" token supervisor --department CSC --name bench-supervisor)
run=$(date -u +%H%M%S)
numbers=$(mktemp)
trap 'rm -f "$numbers"' EXIT
failed=0

log "registering $complaints complaints to read (50/s)"
loadgen submit token="$channel" run="$run-read" seed="$(next_seed)" rate=50 \
  duration=$((complaints / 50)) numbers="$numbers" | grep '^result' || true
[ -s "$numbers" ] || { log "nothing registered"; exit 1; }

measure() { # name, kind, token, loadgen arguments...
  local name=$1 kind=$2 token=$3 out result ok requests
  shift 3
  settle
  cpu_mark
  out=$(loadgen "$kind" token="$token" numbers="$numbers" "$@")
  result=$(grep '^result phase=measured' <<< "$out")
  grep -v '^result phase=warm-up' <<< "$out"
  ok=$(field ok "$result"); requests=$(field requests "$result")
  cpu_report "$ok" "$name"
  [ "$ok" = "$requests" ] || { log "$((requests - ok)) of $requests were not 200"; failed=1; }
}

# The progress view with wrk, each connection going round the numbers; every answer must be 200.
measure_wrk() {
  local out requests wrong
  settle
  cpu_mark
  out=$(NUMBERS=$numbers TOKEN=$channel wrk -t2 -c"$connections" -d"${duration}s" --latency \
    -s "$root/bench/wrk/read.lua" "$base_url")
  requests=$(awk '/requests in/ {print $1}' <<< "$out")
  wrong=$(awk '/^answers not 200/ {print $NF}' <<< "$out")
  echo "result phase=measured kind=read generator=wrk connections=$connections seconds=$duration" \
    "requests=$requests ok_per_s=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")" \
    "p50=$(awk '$1 == "50%" {print $2}' <<< "$out") p99=$(awk '$1 == "99%" {print $2}' <<< "$out")" \
    "not_200=$wrong"
  cpu_report "$requests" "progress view (wrk)"
  [ "$wrong" = 0 ] || { log "${wrong:-?} of $requests were not 200"; failed=1; }
}

for kind in $kinds; do
  token=$channel name="progress view"
  [ "$kind" = search ] && token=$staff name="search page"
  log "$name: warm-up ${warmup}s"
  loadgen "$kind" token="$token" numbers="$numbers" duration="$warmup" connections="$connections" > /dev/null
  log "$name: saturation, closed loop, $connections connections, ${duration}s"
  measure "$name" "$kind" "$token" duration="$duration" connections="$connections"
  if [ "$kind" = read ]; then
    log "$name: saturation with wrk (the peer's generator), $connections connections, ${duration}s"
    measure_wrk
  fi
  log "$name: fixed rate $rate/s, ${duration}s"
  measure "$name" "$kind" "$token" duration="$duration" rate="$rate"
done
exit "$failed"

#!/usr/bin/env bash
# The progress read of two or more builds, alternated in one running system (issue 18): each EAR
# given is deployed in turn (asadmin deploy --force, then a domain restart), warmed up with wrk,
# then measured as bench/read-load.sh's wrk phase measures it (GET /api/v1/complaints/{number}
# with a channel's token, 2 threads, CONNECTIONS connections), TURNS times, each turn with the CPU
# the server and PostgreSQL spent per read. On this 2-core machine a build's read costs what the
# machine's hour allows (docs/benchmarks.md): only builds alternated within one hour compare.
#
#   ./complaints up --db postgresql
#   bench/read-builds.sh old.ear new.ear old.ear new.ear
#   # WARMUP=420 TURNS=3 DURATION=20 CONNECTIONS=32 COMPLAINTS=2000; the JIT needs minutes here
#
# The last EAR given stays deployed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
warmup=${WARMUP:-420}
turns=${TURNS:-3}
duration=${DURATION:-20}
connections=${CONNECTIONS:-32}
complaints=${COMPLAINTS:-2000}
log() { printf '[bench] %s\n' "$*"; }
[ $# -ge 2 ] || { echo "usage: bench/read-builds.sh A.ear B.ear [A.ear B.ear ...]" >&2; exit 2; }
for ear in "$@"; do [ -f "$ear" ] || { echo "no EAR $ear" >&2; exit 2; }; done
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
# shellcheck source=wrk/setup.sh
. "$root/bench/wrk/setup.sh"
asadmin=$runtime_dir/dist/payara6/bin/asadmin
channel() { "$root/complaints" token channel --channel MOBILE_APP --name bench-mobile-app; }
numbers=$(mktemp)
trap 'rm -f "$numbers"' EXIT

log "registering $complaints complaints to read (50/s)"
loadgen submit token="$(channel)" run="$(date -u +%H%M%S)-builds" seed="$(next_seed)" rate=50 \
  duration=$((complaints / 50)) numbers="$numbers" | grep '^result' || true
[ -s "$numbers" ] || { log "nothing registered"; exit 1; }
first=$(awk 'NR == 1 {print $1}' "$numbers")

read_with_wrk() { # seconds -> wrk's output
  NUMBERS=$numbers TOKEN=$(channel) wrk -t2 -c"$connections" -d"$1s" --latency \
    -s "$root/bench/wrk/read.lua" "$base_url"
}

for ear in "$@"; do
  log "$(basename "$ear"): deploying, restarting the domain"
  "$asadmin" deploy --force=true --name complaints --contextroot / "$ear" > /dev/null
  "$asadmin" restart-domain domain1 > /dev/null
  for _ in $(seq 100); do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(channel)" \
      "$base_url/api/v1/complaints/$first" || true)
    [ "$status" = 200 ] && break
    sleep 3
  done
  [ "$status" = 200 ] || { log "$(basename "$ear") does not answer a read ($status)"; exit 1; }
  server_pid=$(cat "$runtime_dir"/dist/payara6/glassfish/domains/domain1/config/pid)
  log "$(basename "$ear"): warm-up ${warmup}s"
  read_with_wrk "$warmup" > /dev/null
  for turn in $(seq "$turns"); do
    cpu_mark
    out=$(read_with_wrk "$duration")
    requests=$(awk '/requests in/ {print $1}' <<< "$out")
    wrong=$(awk '/^answers not 200/ {print $NF}' <<< "$out")
    echo "result build=$(basename "$ear") turn=$turn at=$(date -u +%H:%M:%S) requests=$requests" \
      "ok_per_s=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")" \
      "p99=$(awk '$1 == "99%" {print $2}' <<< "$out") not_200=$wrong"
    cpu_report "$requests" "progress view (wrk)"
    [ "$wrong" = 0 ] || { log "${wrong:-?} of $requests were not 200"; exit 1; }
  done
done

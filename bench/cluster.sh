#!/usr/bin/env bash
# Cluster benchmark (issue 17): the same work through the load balancer with the deployment
# group's two instances and with one of them stopped, in one run on this machine.
#   1. intake: wrk saturating POST /api/v1/complaints through HAProxy (2 threads × CONNECTIONS,
#      DURATION), with both instances, with instance 2 taken out of rotation (up and warm, idle),
#      then with both again; the CPU seconds each process group spent (instances, PostgreSQL,
#      brokers, HAProxy) per 1,000 complaints;
#   2. escalation burst: bench/escalation-burst.sh (BURST deadlines due over SPREAD_SECONDS among
#      OPEN_CASES open cases) with both scanners warm, with one (instance 2 stopped), and with both
#      again right after instance 2's restart (its JIT compiler still at work).
#
#   ./complaints up --cluster
#   bench/cluster.sh             # WARMUP=120s DURATION=60s CONNECTIONS=32 OPEN_CASES=20000 BURST=5000 SPREAD_SECONDS=10
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
duration=${DURATION:-60s}
warmup=${WARMUP:-120s}
connections=${CONNECTIONS:-32}
open_cases=${OPEN_CASES:-20000}
export BURST=${BURST:-5000} SPREAD_SECONDS=${SPREAD_SECONDS:-10}
export RUNTIME_DIR=${RUNTIME_DIR:-$root/.run}
export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432} PGDATABASE=${DB_NAME:-complaints}
export PGUSER=${DB_USER:-complaints} PGPASSWORD=${DB_PASSWORD:-complaints}
log() { printf '[bench] %s\n' "$*"; }
stored() { psql -qtAX -c "select count(*) from complaint"; }
runtime() { "$root/scripts/runtime.sh" "$@" | sed 's/^/  /'; }

# shellcheck source=wrk/setup.sh
. "$root/bench/wrk/setup.sh"
nodes=$RUNTIME_DIR/dist/payara6/glassfish/nodes/localhost-domain1
[ -f "$nodes/complaints-1/config/pid" ] || { echo "no cluster: ./complaints up --cluster" >&2; exit 1; }

# CPU seconds (user + system) of the processes whose command line matches, children included.
cpu() {
  local total=0 pid ticks
  for pid in $(pgrep -f -- "$1" || true); do
    ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + ticks))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}'
}
groups=("instances:glassfish/nodes/localhost-domain1/complaints-" "postgresql:postgres" "brokers:-Dartemis.instance=" "haproxy:haproxy -f")
cpu_all() { local g; for g in "${groups[@]}"; do printf '%s ' "$(cpu "${g#*:}")"; done; }

intake() { # label
  local before cpu_before cpu_after made
  before=$(stored)
  read -r -a cpu_before <<< "$(cpu_all)"
  log "intake through the load balancer, $1: 2 threads, $connections connections, $duration"
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/bench/wrk/submit.lua" "$base_url" \
    | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|requests in'
  made=$(( $(stored) - before ))
  read -r -a cpu_after <<< "$(cpu_all)"
  local i line="stored: $made complaints; CPU s per 1,000:"
  for i in "${!groups[@]}"; do
    line+=" ${groups[$i]%%:*} $(awk -v a="${cpu_after[$i]}" -v b="${cpu_before[$i]}" -v n="$made" 'BEGIN {printf "%.1f", (a - b) * 1000 / (n > 0 ? n : 1)}')"
  done
  log "$line"
}

# The load balancer's admin socket: an instance taken out of rotation stays up and warm.
command -v socat > /dev/null || { log "installing socat (Debian package)"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq socat > /dev/null; }
lb() { echo "$1 server instances/complaints-2" | socat stdio "unix-connect:$RUNTIME_DIR/haproxy.sock" > /dev/null; }

log "warm-up: $warmup through the load balancer (both instances; each JIT-compiles its own)"
wrk -t2 -c16 -d"$warmup" -s "$root/bench/wrk/submit.lua" "$base_url" > /dev/null

intake "two instances"
lb disable
intake "one instance (complaints-2 out of rotation, idle)"
lb enable
sleep 3 # back in rotation after two good checks 1 s apart
intake "two instances, again"

log "escalation burst, two scanners (both warm)"
"$root/bench/escalation-burst.sh" "$open_cases" | grep -E 'escalated|lag_ms'
runtime instance-kill-2
sleep 4 # HAProxy takes it out after two failed checks 1 s apart
log "escalation burst, one scanner (complaints-2 stopped)"
"$root/bench/escalation-burst.sh" "$open_cases" | grep -E 'escalated|lag_ms'
runtime instance-start-2
HTTP_PORT=29080 runtime wait-ready
log "escalation burst, two scanners, complaints-2 just restarted (cold)"
"$root/bench/escalation-burst.sh" "$open_cases" | grep -E 'escalated|lag_ms'

#!/usr/bin/env bash
# Background work under intake saturation (issue 16, pool sizing): while wrk saturates intake
# (2 threads x CONNECTIONS for DURATION), every 5 s a batch of 50 recent cases' contact deadlines is
# made overdue (their whole escalation ladder, 5 alerts each, falls due at once) and the time until
# the scanner has raised all 250 is measured; the backlog metrics (outbox, audit chain, statistics,
# with the age of their oldest item) are sampled. Bounded figures mean the relay, the linker, the
# refresher and the scanner are not starved by the HTTP workers.
#
#   ./complaints up --db postgresql
#   bench/background-under-load.sh            # DURATION=60s CONNECTIONS=64
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
duration=${DURATION:-60s}
connections=${CONNECTIONS:-64}
export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432} PGDATABASE=${DB_NAME:-complaints}
export PGUSER=${DB_USER:-complaints} PGPASSWORD=${DB_PASSWORD:-complaints}
log() { printf '[bench] %s\n' "$*"; }

# shellcheck source=wrk/setup.sh
. "$root/bench/wrk/setup.sh"

metric() { awk -v m="$1" '$1 == m || index($1, m "{") == 1 {print $2; exit}' <<< "$2"; }
sample() {
  local m; m=$(curl -fsS "$base_url/metrics?scope=application")
  printf '%s' "$(date +%T)"
  for name in outbox_pending outbox_oldest_seconds audit_pending audit_oldest_seconds \
      statistics_pending statistics_oldest_seconds; do
    printf ' %s=%s' "$name" "$(metric "complaints_$name" "$m")"
  done
  printf '\n'
}
# Makes the contact clocks of 50 running cases overdue (5 alerts each fall due at once), then
# prints how long the scanner took to raise them all (or that it had not within 4.5 s).
burst() {
  local ids start left
  ids=$(psql -qtAX -c "update sla_clock set due_at = now() - interval '2 days',
      warn_at = now() - interval '3 days', next_action_at = now() - interval '3 days'
    where id in (select id from sla_clock where stage = 'CUSTOMER_CONTACT' and state = 'RUNNING'
      and next_action_at > now() order by id desc limit 50) returning id" | paste -sd, -)
  [ -n "$ids" ] || { echo "escalation_drain_ms=none"; return; }
  start=$(date +%s%N)
  for ((i = 0; i < 45; i++)); do
    left=$(psql -qtAX -c "select count(*) from sla_clock where id in ($ids) and next_action_at <= now()")
    if [ "$left" = 0 ]; then
      echo "escalation_drain_ms=$(( ($(date +%s%N) - start) / 1000000 ))"
      return
    fi
    sleep 0.1
  done
  echo "escalation_drain_ms=4500+ (left $left of 50 ladders)"
}

log "warm-up: 30 s"
wrk -t2 -c16 -d30s -s "$root/bench/wrk/submit.lua" "$base_url" > /dev/null
log "saturation: 2 threads, $connections connections, $duration; 250 alerts (50 ladders) fall due every 5 s"
samples=$(mktemp)
wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/bench/wrk/submit.lua" "$base_url" &
load=$!
sleep 2
while kill -0 "$load" 2> /dev/null; do
  printf '%s %s\n' "$(sample)" "$(burst)" | tee -a "$samples"
  sleep 0.5
done
wait "$load" || true
log "after the load"
sleep 5
sample | tee -a "$samples"
log "worst during the run:"
for name in outbox_oldest_seconds audit_oldest_seconds statistics_oldest_seconds \
    outbox_pending audit_pending statistics_pending escalation_drain_ms; do
  grep -o " $name=[0-9.]*" "$samples" | cut -d= -f2 | sort -g | tail -1 | sed "s/^/  $name max /"
done
rm -f "$samples"

#!/usr/bin/env bash
# Intake load benchmark (issues 3, 18): complaints submitted over HTTP against the running system
# on PostgreSQL, with a bank's realistic mix (bench/LoadGen.java: ~10 % Red by their text, card
# fees, system faults naming products so mass detection runs and a few incidents form, repeats by
# the same customer, suggestions, ID cards and card numbers; fresh customers every run; an
# Idempotency-Key on every request and 1 % of them retried).
#   1. warm-up (closed loop, WARMUP seconds: the JIT compiler is busy for minutes);
#   2. saturation: CONNECTIONS clients each sending its next complaint when answered, DURATION s;
#   3. fixed rate, for each of RATES: request i due at start + i/rate, timed from when it was due
#      (no coordinated omission, as wrk2): p50 / p99 at a constant offered load. Each starts with
#      LEAD seconds (15) at its rate that are not measured, as wrk2's 10 s calibration: a new load
#      generator's JVM compiles its code on the cores the server runs on, and its first seconds put
#      the server up to a second behind (seen at 300/s: 0.4 - 0.9 s answers for 5 s, then none).
# For each measured phase (started on an idle server): the 201s counted (a non-201 is printed with
# its body), the complaints stored under the run's tag compared with the 201s, the CPU the server,
# PostgreSQL and the broker spent per registered complaint (during the phase, and with the
# background work it left until the server was idle again), the rows inserted per complaint, and
# the department's wait (registration → its task delivered to a consumer outside the server,
# bench/TaskWait.java).
#
#   ./complaints up --db postgresql
#   bench/intake-load.sh                 # WARMUP=120 DURATION=60 CONNECTIONS=32 RATES="300 500" LEAD=15
#   HOT=30 bench/intake-load.sh          # 30 % of the submissions a mass incident in progress: one
#                                        # product named by many customers (R-X2; bench/lib.sh)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
warmup=${WARMUP:-120}
duration=${DURATION:-60}
connections=${CONNECTIONS:-32}
rates=${RATES:-300 500}
lead=${LEAD:-15}
log() { printf '[bench] %s\n' "$*"; }
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
token=$("$root/complaints" token channel --channel MOBILE_APP --name bench-mobile-app)
run=$(date -u +%H%M%S)
failed=0
rows_before=$(mktemp)
out_file=$(mktemp)
trap 'task_wait_stop; rm -f "$rows_before" "$out_file"' EXIT
task_wait_start

# One phase: runs LoadGen, then checks the database and reports CPU and the department's wait.
phase() { # name, loadgen arguments...
  local name=$1 tag=$run-$1 out ok replayed registered stored distinct t0 t1 lg
  shift
  settle
  # The rows are counted from PostgreSQL's table statistics, which a busy backend reports up to a
  # minute late and an idle one within 10 s: counted between two idle moments, the lead-in's rows
  # included (at a fixed rate, counted from the start of the measured part, a quarter of the rows
  # were the lead-in's).
  sleep 11
  psql -qtAX -F ' ' -c "select relname, n_tup_ins from pg_stat_user_tables" > "$rows_before"
  commits_before=$(psql -qtAX -c "select xact_commit from pg_stat_database where datname = current_database()")
  # LoadGen runs its lead-in (warmup=, tagged apart) and says when the measured part starts: the
  # CPU and the department's wait are measured from there.
  loadgen submit token="$token" run="$tag" seed="$(next_seed)" "$@" > "$out_file" &
  lg=$!
  until grep -q '^measuring ' "$out_file" || ! kill -0 "$lg" 2> /dev/null; do sleep 0.05; done
  cpu_mark
  pg_work_mark
  wait "$lg"
  out=$(cat "$out_file")
  t0=$(awk '$1 == "measuring" {sub("from=", "", $2); print $2}' <<< "$out")
  t1=$(awk '$1 == "measured" {sub("to=", "", $2); print $2}' <<< "$out")
  awk '/^measuring / {m = 1; next} /^measured / {next} !m {print "  lead-in: " $0; next} {print}' <<< "$out"
  sleep 1 # the autovacuum workers' statistics of the window's last rounds reported
  pg_work_between "$t0" "$t1"
  local result; result=$(grep '^result phase=measured' <<< "$out")
  ok=$(field ok "$result"); replayed=$(field replayed "$result")
  registered=$((ok - replayed))
  cpu_report "$registered" "registered complaint, during the phase"
  settle
  cpu_report "$registered" "registered complaint, with the background work it left (until idle)"
  local lead_in lead_registered=0
  lead_in=$(grep '^result phase=warm-up' <<< "$out" || true)
  [ -n "$lead_in" ] && lead_registered=$(($(field ok "$lead_in") - $(field replayed "$lead_in")))
  sleep 11 # every backend's statistics reported
  psql -qtAX -F ' ' -c "select relname, n_tup_ins from pg_stat_user_tables" \
    | awk -v n="$((registered + lead_registered))" -v c="$(( $(psql -qtAX -c "select xact_commit from pg_stat_database where datname = current_database()") - commits_before ))" '
        NR == FNR {before[$1] = $2; next}
        $2 > before[$1] {rows[$1] = ($2 - before[$1]) / n; total += rows[$1]}
        END {
          printf "rows inserted per registered complaint (the lead-in'"'"'s included): %.1f (", total
          sep = ""; for (t in rows) if (rows[t] >= 0.05) {printf "%s%s %.2f", sep, t, rows[t]; sep = ", "}
          printf "); transactions committed per complaint (background work included): %.2f\n", c / n }' "$rows_before" -
  read -r stored distinct red repeats incident suggestions < <(psql -qtAX -F ' ' -c "
    select count(*), count(distinct complaint_number), count(*) filter (where severity = 'RED'),
           count(r.complaint_id), count(m.complaint_id),
           count(*) filter (where feedback_type <> 'COMPLAINT')
    from complaint c left join complaint_repeat r on r.complaint_id = c.id
      left join incident_member m on m.complaint_id = c.id
    where subject like '%[$tag-%'")
  if [ "$stored" = "$registered" ] && [ "$distinct" = "$stored" ]; then
    log "stored: $stored complaints = the $registered 201s (plus $replayed retries answered from the first); Red $red, repeats $repeats, in an incident $incident, suggestions $suggestions"
  else
    log "MISMATCH: $stored stored ($distinct distinct numbers) for $registered 201s"
    failed=1
  fi
  task_wait_between "$t0" "$t1"
}

log "machine: $(nproc) cores; run $run; warm-up ${warmup}s, then ${duration}s per phase"
log "warm-up: closed loop, $connections connections, ${warmup}s"
loadgen submit token="$token" run="$run-w" seed="$(next_seed)" duration="$warmup" \
  connections="$connections" > /dev/null
log "saturation: closed loop, $connections connections, ${duration}s"
phase sat duration="$duration" connections="$connections"
for rate in $rates; do
  log "fixed rate: $rate/s for ${duration}s (timed from each request's due time), after ${lead}s at that rate not measured"
  phase "r$rate" duration="$duration" rate="$rate" warmup="$lead"
done
exit "$failed"

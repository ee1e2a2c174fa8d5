#!/usr/bin/env bash
# Escalation benchmark (issue 4): N open cases on PostgreSQL, then a burst of 10,000 deadlines
# falling due within one minute. Reports the escalation lag (raised - due) p50/p99/max, the
# scanner's database time per batch (the server's complaints_escalation_batch timer), and the
# claim query's plan and time on an idle tick and on a 200-row batch.
#
#   ./complaints up --db postgresql        # the running system this measures
#   bench/escalation-burst.sh 100000       # then 1000000
#
# The benchmark's cases get ids from 900,000,000 up and numbers C20990101-9…; they are removed first.
# Environment: DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD (defaults as the run command's),
# BURST (10000), SPREAD_SECONDS (60), BASE_URL (http://127.0.0.1:8080).
set -euo pipefail
open_cases=${1:?usage: bench/escalation-burst.sh <open cases>}
burst=${BURST:-10000}
spread=${SPREAD_SECONDS:-60}
base_url=${BASE_URL:-http://127.0.0.1:8080}
export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432} PGDATABASE=${DB_NAME:-complaints}
export PGUSER=${DB_USER:-complaints} PGPASSWORD=${DB_PASSWORD:-complaints}
first_id=900000000
sql() { psql -v ON_ERROR_STOP=1 -qtAX "$@"; }
log() { printf '[bench] %s\n' "$*"; }

curl -fsS "$base_url/health/ready" > /dev/null || { echo "the system is not up: ./complaints up --db postgresql" >&2; exit 1; }

log "removing earlier benchmark cases"
sql <<SQL
delete from sla_clock where complaint_id >= $first_id;
delete from case_event where complaint_id >= $first_id;
delete from outbox_message where message_key like 'C20990101-%';
delete from case_fact where complaint_id >= $first_id;
delete from stat_pending where complaint_id >= $first_id;
delete from complaint where id >= $first_id;
SQL

log "seeding $open_cases open cases, each with a running CUSTOMER_CONTACT clock due in 1-30 days"
start=$(date +%s)
sql <<SQL
insert into complaint (id, complaint_number, channel, customer_name, customer_mobile, subject,
                       description, status, department_code, received_at, registered_at, version, severity)
select $first_id + g, 'C20990101-' || ($first_id + g), 'MOBILE_APP', '测试', '13800000000', 'benchmark',
       'benchmark case', 'ASSIGNED', 'CSC', now(), now(), 1, 'GREEN'
from generate_series(1, $open_cases) g;
insert into sla_clock (id, complaint_id, stage, measure, state, started_at, due_at, warn_at,
                       warned, escalations_sent, next_action_at, paused_total_ms, extended_ms,
                       version)
select $first_id + g, $first_id + g, 'CUSTOMER_CONTACT', 'CALENDAR_TIME', 'RUNNING', now(),
       now() + interval '1 day' + (g % 2592000) * interval '1 second',
       now() + interval '1 day', true, 0,
       now() + interval '1 day' + (g % 2592000) * interval '1 second', 0, 0, 1
from generate_series(1, $open_cases) g;
analyze complaint; analyze sla_clock;
SQL
log "seeded in $(( $(date +%s) - start )) s; open clocks: $(sql -c "select count(*) from sla_clock where next_action_at is not null")"

claim="select * from sla_clock where next_action_at <= now() order by next_action_at fetch first 200 rows only for update skip locked"
idle_plan=$(sql -c "begin; explain (analyze, buffers) $claim; rollback;" | grep -E "Execution Time|Index|Limit" | head -n 4)
log "idle tick, claim plan:"; printf '%s\n' "$idle_plan"

metrics_before=$(curl -fsS "$base_url/metrics" | grep -E '^complaints_escalation_batch_seconds_(count|sum)' | sed 's/{[^}]*}//' || true)

log "burst: $burst deadlines falling due over the next $spread s (starting in 5 s)"
sql <<SQL
update sla_clock
   set due_at = now() + interval '5 second' + (complaint_id % $burst) * ($spread * 1000.0 / $burst) * interval '1 millisecond',
       next_action_at = now() + interval '5 second' + (complaint_id % $burst) * ($spread * 1000.0 / $burst) * interval '1 millisecond'
 where complaint_id between $first_id + 1 and $first_id + $burst;
SQL

deadline=$(( $(date +%s) + spread + 120 ))
while :; do
  fired=$(sql -c "select count(*) from case_event where complaint_id >= $first_id and kind = 'SLA_ESCALATION'")
  [ "$fired" -ge "$burst" ] && break
  [ "$(date +%s)" -gt "$deadline" ] && { log "only $fired of $burst escalated in time"; break; }
  sleep 2
done

log "escalated: $fired of $burst; duplicates: $(sql -c "select count(*) - count(distinct complaint_id) from case_event where complaint_id >= $first_id and kind = 'SLA_ESCALATION'")"
sql -F ' ' <<SQL
select 'lag_ms p50=' || round(percentile_cont(0.5) within group (order by ms)::numeric, 1)
    || ' p99=' || round(percentile_cont(0.99) within group (order by ms)::numeric, 1)
    || ' max=' || round(max(ms)::numeric, 1)
from (select extract(epoch from occurred_at - scheduled_for) * 1000 as ms
        from case_event where complaint_id >= $first_id and kind = 'SLA_ESCALATION') lags;
SQL

busy_plan=$(sql -c "begin; update sla_clock set next_action_at = now() - interval '1 second' where complaint_id between $first_id + $burst + 1 and $first_id + $burst + 200; explain (analyze, buffers) $claim; rollback;" | grep -E "Execution Time" | head -n 1)
log "a 200-row batch, claim query: $busy_plan"

metrics_after=$(curl -fsS "$base_url/metrics" | grep -E '^complaints_escalation_batch_seconds_(count|sum)' | sed 's/{[^}]*}//' || true)
count_before=$(printf '%s\n' "$metrics_before" | awk '/_count/ {print $2}'); sum_before=$(printf '%s\n' "$metrics_before" | awk '/_sum/ {print $2}')
count_after=$(printf '%s\n' "$metrics_after" | awk '/_count/ {print $2}'); sum_after=$(printf '%s\n' "$metrics_after" | awk '/_sum/ {print $2}')
awk -v c0="${count_before:-0}" -v s0="${sum_before:-0}" -v c1="$count_after" -v s1="$sum_after" \
  'BEGIN { n = c1 - c0; printf "[bench] scanner transactions during the burst: %d, mean %.2f ms each (claim + fire + outbox + timeline)\n", n, (n > 0 ? (s1 - s0) * 1000 / n : 0) }'
curl -fsS "$base_url/metrics" | grep -E '^complaints_escalation_batch_seconds_max' || true

#!/usr/bin/env bash
# Statistics benchmark (issue 7): the monthly report over 10,000,000 complaints on PostgreSQL.
# The report reads only the day rollups (stat_day, stat_day_hours); this fills them as 10 million
# complaints over 36 months leave them (bench/sql/statistics-10m.sql), then times the report
# through HTTP with a manager's token: the latest month as JSON and as CSV, the month before (the
# first read of its rollup pages), and the longest range a report allows (366 days).
#
# It replaces the statistics of the database it runs against, so use a database of its own:
#   DB_NAME=complaints_bench ./complaints up --db postgresql
#   DB_NAME=complaints_bench bench/statistics-report.sh          # RUNS=20
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
runs=${RUNS:-20}
export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432} PGDATABASE=${DB_NAME:-complaints}
export PGUSER=${DB_USER:-complaints} PGPASSWORD=${DB_PASSWORD:-complaints}
log() { printf '[bench] %s\n' "$*"; }

[ "$PGDATABASE" != complaints ] || [ "${FORCE:-}" = 1 ] \
  || { echo "this replaces the statistics in $PGDATABASE; use DB_NAME=complaints_bench (or FORCE=1)" >&2; exit 1; }
curl -fsS "$base_url/health/ready" > /dev/null \
  || { echo "the system is not up: DB_NAME=$PGDATABASE ./complaints up --db postgresql" >&2; exit 1; }

this_month=$(TZ=Asia/Shanghai date +%Y-%m-01)
month=$(date -d "$this_month -1 month" +%Y-%m)
before=$(date -d "$this_month -2 month" +%Y-%m)
year_from=$(date -d "$this_month -366 day" +%F)
year_to=$(date -d "$this_month -1 day" +%F)

if [ "$(psql -qtAX -c "select count(*) from stat_day where dimension = 'ALL'")" -lt 1000 ]; then
  log "filling the rollups as 10,000,000 complaints over 36 months leave them (some minutes)"
  start=$(date +%s)
  psql -qX -v first_day_after="$this_month" -f "$root/bench/sql/statistics-10m.sql"
  log "filled in $(( $(date +%s) - start )) s"
fi
psql -qtAX -c "select 'complaints counted in the rollups: ' || sum(cases) || ', months: '
    || count(distinct date_trunc('month', stat_day)) from stat_day where dimension = 'ALL'"
psql -qtAX -c "select 'rows: stat_day ' || (select count(*) from stat_day) || ', stat_day_hours '
    || (select count(*) from stat_day_hours) || '; size '
    || pg_size_pretty(pg_total_relation_size('stat_day') + pg_total_relation_size('stat_day_hours'))"
psql -qtAX -c "select 'the month $month: ' || sum(cases) || ' complaints' from stat_day
    where dimension = 'ALL' and to_char(stat_day, 'YYYY-MM') = '$month'"

TOKEN=$("$root/complaints" token manager --name bench-manager)
timed() { # label path: the first call, then $runs calls; seconds
  local label=$1 path=$2 first times
  first=$(curl -fsS -o /tmp/bench-report.out -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$base_url$path")
  times=$(for _ in $(seq "$runs"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$base_url$path"
  done | sort -n)
  printf '%-34s first %6.3f s   median %6.3f s   p90 %6.3f s   max %6.3f s   (%s bytes)\n' "$label" "$first" \
    "$(sed -n "$(( (runs + 1) / 2 ))p" <<< "$times")" "$(sed -n "$(( (runs * 9 + 9) / 10 ))p" <<< "$times")" \
    "$(tail -1 <<< "$times")" "$(wc -c < /tmp/bench-report.out)"
}
log "$runs calls each after the first; client curl on the same machine"
timed "month $month (JSON)" "/api/v1/statistics?month=$month"
timed "month $month (CSV)" "/api/v1/statistics/csv?month=$month"
timed "month $before (JSON)" "/api/v1/statistics?month=$before"
timed "366 days to $year_to (JSON)" "/api/v1/statistics?from=$year_from&to=$year_to"

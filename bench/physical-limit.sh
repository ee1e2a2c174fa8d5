#!/usr/bin/env bash
# The physical limit of a registration's writes on this machine (issue 18): the rows that the
# complaints of one intake run wrote in their registrations, written again by a plain JDBC program
# (bench/JdbcLimit.java) into copies of the same tables with the same indexes, with nothing else
# running: one transaction and one INSERT per row per complaint (as the application does), and
# group commit (GROUP complaints per transaction, each table's rows in one batch). Reports the
# complaints/s and the CPU PostgreSQL and the writer spent per complaint.
#
#   bench/intake-load.sh                 # prints its run tag, e.g. "run 222434"; phase "sat"
#   bench/physical-limit.sh 222434-sat   # DURATION=30 WRITERS=32 GROUP_WRITERS=4 GROUP=16
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tag=${1:?the subject tag of a phase of an intake run, e.g. 222434-sat}
duration=${DURATION:-30}
writers=${WRITERS:-32}
group_writers=${GROUP_WRITERS:-4}
group=${GROUP:-16}
log() { printf '[bench] %s\n' "$*"; }
base_url=${BASE_URL:-http://127.0.0.1:8080}
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
driver=$runtime_dir/dist/postgresql.jar
[ -f "$driver" ] || { echo "no $driver: ./complaints up --db postgresql first" >&2; exit 1; }
url="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"

# The machine's busy time while writing (JdbcLimit reads /proc/stat: PostgreSQL's backends come
# and go with its connections) and the writer's own; run it on an otherwise idle machine.
run() { # writers, group
  local out writer_ms machine_ms
  out=$(java -cp "$driver" "$root/bench/JdbcLimit.java" "$url" "$PGUSER" "$PGPASSWORD" "$tag" "$duration" "$1" "$2" 2>&1)
  grep -E '^(templates|result)' <<< "$out" || { echo "$out" >&2; exit 1; }
  writer_ms=$(sed -n 's/.* writer_cpu_ms=\([0-9.]*\).*/\1/p' <<< "$out")
  machine_ms=$(sed -n 's/.* machine_cpu_ms=\([0-9.]*\).*/\1/p' <<< "$out")
  awk -v m="$machine_ms" -v w="$writer_ms" 'BEGIN {
    printf "machine CPU per complaint while writing: %.2f ms, of it the writer %.2f ms; the rest is PostgreSQL and whatever else ran (idle server: check with top)\n", m, w }'
}

echo "one transaction and one INSERT per row per complaint, $writers writers, ${duration}s:"
run "$writers" 1
echo "group commit: $group complaints per transaction, rows batched per table, $group_writers writers, ${duration}s:"
run "$group_writers" "$group"
psql -qtAX -c "set client_min_messages = warning; drop schema bench_limit cascade" > /dev/null

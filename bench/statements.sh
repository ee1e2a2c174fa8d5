#!/usr/bin/env bash
# The statements a registration sends PostgreSQL (issue 18): PostgreSQL logs every statement
# (log_statement = all, set and reset with ALTER SYSTEM) for WINDOW seconds in the middle of a
# closed-loop LoadGen run, and they are counted per registered complaint: each table's inserts
# (statements and rows; a batch's rows go in multi-row statements) and the other statements, the
# background work's included. Shows what a group's writing costs in statements and round trips.
# Runs as root on the database's host (it reads PostgreSQL's log, LOG_FILE).
#
#   ./complaints up --db postgresql
#   bench/statements.sh             # DURATION=25 WINDOW=4 (ONLY=<kinds>: LoadGen's only=)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
duration=${DURATION:-25}
window=${WINDOW:-4}
log_file=${LOG_FILE:-$(ls /var/log/postgresql/postgresql-*-main.log | sort -V | tail -n 1)}
log() { printf '[bench] %s\n' "$*"; }
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
token=$("$root/complaints" token channel --channel MOBILE_APP --name bench-mobile-app)
out=$(mktemp); logged=$(mktemp)
trap 'as_postgres "alter system reset log_statement" > /dev/null; as_postgres "select pg_reload_conf()" > /dev/null; rm -f "$out" "$logged"' EXIT
loadgen submit token="$token" run="st$(date -u +%H%M%S)" seed="$(next_seed)" duration="$duration" \
  connections=32 ${ONLY:+only=$ONLY} > "$out" &
lg=$!
sleep $(( (duration - window) / 2 ))
from=$(wc -l < "$log_file")
as_postgres "alter system set log_statement = 'all'" > /dev/null; as_postgres "select pg_reload_conf()" > /dev/null
sleep "$window"
as_postgres "alter system reset log_statement" > /dev/null; as_postgres "select pg_reload_conf()" > /dev/null
tail -n +"$((from + 1))" "$log_file" > "$logged"
wait "$lg"
grep '^result phase=measured' "$out"
python3 - "$logged" <<'PY'
import collections, re, sys
rows, statements, other, total = collections.Counter(), collections.Counter(), collections.Counter(), 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"LOG:  (?:execute [^:]*|statement): (.*)", line)
    if not m:
        continue
    total += 1
    sql = m.group(1)
    insert = re.match(r"INSERT INTO (\w+)", sql, re.I)
    if insert:
        values = sql.split(" VALUES ", 1)[1] if " VALUES " in sql else ""
        rows[insert.group(1)] += values.count("),(") + 1
        statements[insert.group(1)] += 1
    else:
        other[re.sub(r"\$\d+", "?", sql)[:72]] += 1
n = rows["complaint"]
if n == 0:
    sys.exit("no complaint inserted in the window")
print(f"complaints registered in the window: {n}; statements {total}, {total / n:.2f} per complaint")
for table, count in statements.most_common():
    print(f"  insert {table:24s} {count / n:5.2f} statements per complaint ({rows[table] / count:.1f} rows each)")
for sql, count in other.most_common(16):
    print(f"  {count / n:5.2f}  {sql}")
PY

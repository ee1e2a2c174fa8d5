#!/usr/bin/env bash
# What PostgreSQL writes per registration (issue 18): during a fixed-rate LoadGen run, the WAL
# records of WINDOW seconds (pg_waldump), counted per registered complaint by kind (heap insert,
# update, lock, index entry …) and relation, with the record bytes and the full-page images. Shows
# which tables and indexes a registration's writes go to, e.g. an index that takes an entry for every
# row although its reader asks for a few (V39).
# Runs as root on the database's host (pg_waldump reads pg_wal).
#
#   ./complaints up --db postgresql
#   bench/wal-records.sh            # RATE=300 LEAD=20 WINDOW=20 TOP=45
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
rate=${RATE:-300}
lead=${LEAD:-20}
window=${WINDOW:-20}
top=${TOP:-45}
log() { printf '[bench] %s\n' "$*"; }
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
token=$("$root/complaints" token channel --channel MOBILE_APP --name bench-mobile-app)
out=$(mktemp); records=$(mktemp)
trap 'rm -f "$out" "$records"' EXIT

log "fixed rate ${rate}/s; WAL records of ${window}s after ${lead}s"
loadgen submit token="$token" run="wr$(date -u +%H%M%S)" seed="$(next_seed)" \
  duration=$((lead + window + 5)) rate="$rate" warmup=5 > "$out" &
lg=$!
sleep "$lead"
a=$(as_postgres "select pg_current_wal_lsn()"); n0=$(psql -qtAX -c "select count(*) from complaint")
sleep "$window"
b=$(as_postgres "select pg_current_wal_lsn()"); n1=$(psql -qtAX -c "select count(*) from complaint")
# Read the segments before a checkpoint recycles them.
waldump -s "$a" -e "$b" > "$records" 2> /dev/null || true
wait "$lg"
n=$((n1 - n0))
grep '^result phase=measured' "$out" | grep -o 'ok_per_s=[^ ]*\|p50=[^ ]*\|p99=[^ ]*' | tr '\n' ' '; echo
awk -v n="$n" '
  match($0, /len \(rec\/tot\): *[0-9]+\/ *[0-9]+/) {
    split(substr($0, RSTART, RLENGTH), l, /[:\/]/); rec += l[3]; tot += l[4]; count++
    if ($0 ~ /rmgr: Btree/) btree++
    fpw += gsub(/FPW/, "&")
  }
  END { printf "%d registrations; per registration: %.1f WAL records (%.1f index entries), %.2f KB of records, %.2f KB with %.2f full-page images\n",
          n, count / n, btree / n, rec / n / 1024, tot / n / 1024, fpw / n }' "$records"
awk -v n="$n" '
  { kind = ""; rel = ""
    for (i = 1; i <= NF; i++) if ($i == "desc:") { kind = $(i + 1); break }
    if (match($0, /rel [0-9]+\/[0-9]+\/[0-9]+/)) { rel = substr($0, RSTART + 4, RLENGTH - 4); sub(/.*\//, "", rel) }
    c[$2 " " kind " " rel]++ }
  END { for (k in c) printf "%.2f %s\n", c[k] / n, k }' "$records" | sort -rn | head -n "$top" \
  | while read -r per rmgr kind rel; do
      name=$rel
      [ -n "$rel" ] && name=$(psql -qtAX -c "select relname from pg_class where relfilenode = $rel")
      printf '  %6s  %-11s %-13s %s\n' "$per" "$rmgr" "$kind" "${name:-$rel}"
    done

#!/usr/bin/env bash
# The WAL burst after a checkpoint (issue 18): after each checkpoint PostgreSQL writes every page it
# touches whole into the WAL once more (a full-page image) before it logs a change to it, and a key
# that lands on a random index page touches a new page with nearly every write. During a fixed-rate
# LoadGen run this takes the WAL written over WINDOW seconds before a CHECKPOINT and over WINDOW
# seconds after it, and lists the full-page images of the second window by relation
# (pg_waldump -b), so that the relations whose keys scatter the writes stand out.
# Runs as root on the database's host (CHECKPOINT needs a superuser, pg_waldump reads pg_wal).
#
#   ./complaints up --db postgresql
#   bench/checkpoint-burst.sh       # RATE=300 LEAD=25 WINDOW=10 (the load lasts LEAD + 2 WINDOW + 25 s)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
rate=${RATE:-300}
lead=${LEAD:-25}
window=${WINDOW:-10}
log() { printf '[bench] %s\n' "$*"; }
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
token=$("$root/complaints" token channel --channel MOBILE_APP --name bench-mobile-app)
out=$(mktemp); blocks=$(mktemp)
trap 'task_wait_stop; rm -f "$out" "$blocks"' EXIT
task_wait_start

log "fixed rate ${rate}/s; WAL over ${window}s, then CHECKPOINT, then WAL over ${window}s"
loadgen submit token="$token" run="cb$(date -u +%H%M%S)" seed="$(next_seed)" \
  duration=$((lead + 2 * window + 25)) rate="$rate" warmup=5 > "$out" &
lg=$!
sleep "$lead"
a=$(as_postgres "select pg_current_wal_lsn()"); sleep "$window"; b=$(as_postgres "select pg_current_wal_lsn()")
as_postgres "checkpoint"
c=$(as_postgres "select pg_current_wal_lsn()"); sleep "$window"; d=$(as_postgres "select pg_current_wal_lsn()")
# Read the segments before the next checkpoint recycles them.
waldump -s "$c" -e "$d" -b 2> /dev/null | grep 'blkref' > "$blocks" || true
before=$(as_postgres "select pg_wal_lsn_diff('$b', '$a')")
after=$(as_postgres "select pg_wal_lsn_diff('$d', '$c')")
wait "$lg"
grep '^result phase=measured' "$out" | grep -o 'ok_per_s=[^ ]*\|p50=[^ ]*\|p99=[^ ]*' | tr '\n' ' '; echo
awk -v b="$before" -v a="$after" -v w="$window" -v r="$rate" 'BEGIN {
  printf "WAL per registration (%d/s): %.1f KB in the %ds before the checkpoint, %.1f KB in the %ds after\n",
    r, b / 1024 / (w * r), w, a / 1024 / (w * r), w }'
awk '{rel = $4; n[rel]++; if ($0 ~ /\(FPW\)/) f[rel]++} END {for (rel in n) print rel, n[rel], f[rel] + 0}' "$blocks" \
  | sort -k3 -n -r > "$out"
total=$(awk '{s += $3} END {print s + 0}' "$out")
echo "full-page images in the ${window}s after the checkpoint: $total ($(awk -v t="$total" -v w="$window" -v r="$rate" 'BEGIN {printf "%.2f", t / (w * r)}') per registration); by relation (images / block references):"
head -n 12 "$out" | while read -r rel refs images; do
  name=$(psql -qtAX -c "select relname from pg_class where relfilenode = ${rel##*/}")
  printf '  %-45s %7d %9d\n' "${name:-$rel}" "$images" "$refs"
done

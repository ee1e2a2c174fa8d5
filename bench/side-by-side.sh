#!/usr/bin/env bash
# The peer and this platform measured one after the other on the same quiet machine (issue 18):
# the Flowable peer's own measurement (its run.sh: start on port 8090, warm-up, open GET,
# authenticated read, case start, stop; our server idles meanwhile), then ours: the HTTP ceiling,
# the intake load and the read load. Everything printed is also kept in bench-results/<UTC time>/.
#
#   ./complaints up --db postgresql
#   bench/side-by-side.sh                # PEER_DIR=../shared/peers/flowable
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peer=${PEER_DIR:-$root/../shared/peers/flowable}
out=$root/bench-results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
log() { printf '[bench] %s\n' "$*" | tee -a "$out/summary.txt"; }

log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr); commit $(git -C "$root" rev-parse --short HEAD)"
if [ -x "$peer/run.sh" ]; then
  log "peer: $peer (Flowable; its own database 'flowable')"
  "$peer/run.sh" db > "$out/peer.txt" 2>&1
  "$peer/run.sh" start >> "$out/peer.txt" 2>&1
  "$peer/run.sh" measure >> "$out/peer.txt" 2>&1 || true
  "$peer/run.sh" stop >> "$out/peer.txt" 2>&1
  grep -E '^(warm-up POST|open GET|authenticated GET|POST start)|MATCH|per started' "$out/peer.txt" | tee -a "$out/summary.txt" || true
else
  log "no peer at $peer: ours only"
fi
log "ours: HTTP ceiling"
"$root/bench/http-ceiling.sh" 2>&1 | tee "$out/http-ceiling.txt" | tee -a "$out/summary.txt"
log "ours: intake load"
# 40/s: a rate this platform keeps up with on two cores, for its latency when not overloaded.
RATES=${RATES:-40 300 500} "$root/bench/intake-load.sh" 2>&1 | tee "$out/intake-load.txt" | grep -vE '^(statuses|client)' | tee -a "$out/summary.txt"
log "ours: read load"
"$root/bench/read-load.sh" 2>&1 | tee "$out/read-load.txt" | grep -vE '^(statuses|client)' | tee -a "$out/summary.txt"
log "kept in $out"

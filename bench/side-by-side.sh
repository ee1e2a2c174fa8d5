#!/usr/bin/env bash
# The peer and this platform measured one after the other on the same quiet machine (issue 18):
# the Flowable peer's own measurement (its run.sh: start on port 8090, warm-up, open GET,
# authenticated read, case start, stop; our server idles meanwhile), then ours: the intake load,
# the HTTP ceiling and the read load. Everything printed is also kept in bench-results/<UTC time>/.
#
#   ./complaints up --db postgresql
#   bench/side-by-side.sh                # PEER_DIR=../shared/peers/flowable WARMUP=600 READ_WARMUP=180
#
# Both JVMs get the same warm-up (WARMUP seconds of case starts / registrations before anything is
# measured): on two cores the JIT compilers compete with the load, and a read measured 90 s after a
# deploy ran at half the rate it reached after 20 minutes (docs/benchmarks.md, 2026-12-02).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peer=${PEER_DIR:-$root/../shared/peers/flowable}
out=$root/bench-results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
warmup=${WARMUP:-600}
unset WARMUP # each script below is given its own
log() { printf '[bench] %s\n' "$*" | tee -a "$out/summary.txt"; }

log "warm-up: ${warmup}s for each system (ours: before the intake phases; the reads after them)"
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr); commit $(git -C "$root" rev-parse --short HEAD)"
if [ -x "$peer/run.sh" ]; then
  log "peer: $peer (Flowable; its own database 'flowable')"
  # The peer's run.sh measures with wrk and needs its jar built; a fresh machine has neither.
  if ! command -v wrk > /dev/null; then
    log "installing wrk (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null
  fi
  ls "$peer"/target/*.jar > /dev/null 2>&1 || "$peer/run.sh" build > "$out/peer-build.txt" 2>&1
  "$peer/run.sh" db > "$out/peer.txt" 2>&1
  "$peer/run.sh" start >> "$out/peer.txt" 2>&1
  WARM=$warmup "$peer/run.sh" measure >> "$out/peer.txt" 2>&1 || true
  "$peer/run.sh" stop >> "$out/peer.txt" 2>&1
  grep -E '^(warm-up POST|open GET|authenticated GET|POST start)|MATCH|per started' "$out/peer.txt" | tee -a "$out/summary.txt" \
    || log "the peer's measurement printed no figures: see $out/peer.txt"
else
  log "no peer at $peer: ours only"
fi
log "ours: intake load"
# 40/s: a rate this platform keeps up with on two cores, for its latency when not overloaded.
WARMUP=$warmup RATES=${RATES:-40 300 500} "$root/bench/intake-load.sh" 2>&1 | tee "$out/intake-load.txt" | grep -vE '^(statuses|client)' | tee -a "$out/summary.txt"
log "ours: HTTP ceiling (after the intake's warm-up)"
WARMUP=20s "$root/bench/http-ceiling.sh" 2>&1 | tee "$out/http-ceiling.txt" | tee -a "$out/summary.txt"
log "ours: read load"
WARMUP=${READ_WARMUP:-180} "$root/bench/read-load.sh" 2>&1 | tee "$out/read-load.txt" | grep -vE '^(statuses|client)' | tee -a "$out/summary.txt"
log "kept in $out"

#!/usr/bin/env bash
# This platform and the Flowable peer measured one after the other on this machine (issue 18), in
# turns: ours, the peer, ours, the peer, … (ROUNDS turns each; with ours once more at the end when
# CLOSE=1, so that every peer run has ours on both sides). The machine's speed drifts by a fifth
# within an hour (docs/benchmarks.md), so a ratio is taken only between neighbours, never between a
# figure of today and one of another hour.
#
# Each turn starts from nothing: the other system stopped, its database dropped and made again.
#   ours:     ./complaints up --db postgresql on the database complaints_fresh, then
#             bench/intake-load.sh (WARMUP s of the mix, DURATION s at saturation, the same at a
#             fixed 300/s), bench/http-ceiling.sh (the 400 after validation among its rows;
#             CEILING=0 leaves it out), bench/read-load.sh (the progress view; READ=0), down;
#   the peer: its run.sh (db, start on port 8090, PEER_WARMUP s of case starts, an open GET, the
#             authenticated read and the case start, 60 s each), stop.
# Everything printed is kept in bench-results/<UTC time>/; the table at the end is summary.txt.
# Run as root on the machine with PostgreSQL (it drops and makes both databases); the system down.
#
# Both systems are loaded by the same number of clients (CONNECTIONS: ours' LoadGen and wrk, the
# peer's wrk -c) at saturation and in the read, and both are warmed up for as long (WARMUP, by
# default the peer's PEER_WARMUP): after the 120 s that bench/intake-load.sh gives by itself, the
# server's JIT compiler still took 27 % of a core through the next minute, and 2 - 4 % from the
# sixth minute of load on (docs/benchmarks.md, 2026-12-06 17:34 - 19:50), while the peer's case
# start is measured after 300 s of case starts and two minutes of reads.
#
#   bench/side-by-side.sh      # ROUNDS=2 CLOSE=1 PEER_WARMUP=300 WARMUP=$PEER_WARMUP DURATION=60 READ_WARMUP=120 CEILING=1 READ=1 CONNECTIONS=32
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peer=${PEER_DIR:-$root/../shared/peers/flowable}
out=$root/bench-results/$(date -u +%Y%m%dT%H%M%SZ)
rounds=${ROUNDS:-2}
close=${CLOSE:-1}
peer_warmup=${PEER_WARMUP:-300}
warmup=${WARMUP:-$peer_warmup}
duration=${DURATION:-60}
read_warmup=${READ_WARMUP:-120} # of reads, on the server the intake load has warmed up
ceiling=${CEILING:-1}
read=${READ:-1}
connections=${CONNECTIONS:-32}
unset WARMUP DURATION CONNECTIONS CONNS # each script below is given its own
mkdir -p "$out"
log() { printf '[side-by-side] %s\n' "$*" | tee -a "$out/log.txt"; }
drop() { (cd /tmp && su postgres -c "dropdb --if-exists --force $1"); }

[ -x "$peer/run.sh" ] || { log "no peer at $peer"; exit 2; }
# The peer's run.sh measures with wrk and needs its jar built; a fresh machine has neither.
if ! command -v wrk > /dev/null; then
  log "installing wrk (Debian package)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null
fi
ls "$peer"/target/*.jar > /dev/null 2>&1 || "$peer/run.sh" build > "$out/peer-build.txt" 2>&1
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr); commit $(git -C "$root" rev-parse --short HEAD)"
log "ours: warm-up ${warmup}s, ${duration}s per phase; the peer: warm-up ${peer_warmup}s, 60 s per phase; $connections clients each"

ours() { # turn number
  local f=$out/ours-$1.txt
  "$root/complaints" down > /dev/null 2>&1 || true
  drop complaints_fresh
  log "ours $1: up on a fresh database ($(date -u +%H:%M))"
  DB_NAME=complaints_fresh "$root/complaints" up --db postgresql > "$out/ours-$1-up.txt" 2>&1
  echo "started $(date -u +%H:%M:%S)" > "$f"
  DB_NAME=complaints_fresh WARMUP=$warmup DURATION=$duration RATES=300 CONNECTIONS=$connections \
    "$root/bench/intake-load.sh" >> "$f" 2>&1 || log "ours $1: the intake load failed (see $f)"
  if [ "$ceiling" = 1 ]; then
    WARMUP=20s CONNECTIONS=$connections "$root/bench/http-ceiling.sh" >> "$f" 2>&1 || log "ours $1: the HTTP ceiling failed (see $f)"
  fi
  if [ "$read" = 1 ]; then
    DB_NAME=complaints_fresh WARMUP=$read_warmup DURATION=30 RATE=300 KINDS=read CONNECTIONS=$connections \
      "$root/bench/read-load.sh" >> "$f" 2>&1 || log "ours $1: the read load failed (see $f)"
  fi
  echo "ended $(date -u +%H:%M:%S)" >> "$f"
  "$root/complaints" down > /dev/null 2>&1
}

the_peer() { # turn number
  local f=$out/peer-$1.txt
  drop flowable
  log "peer $1: start on a fresh database ($(date -u +%H:%M))"
  echo "started $(date -u +%H:%M:%S)" > "$f"
  { "$peer/run.sh" db && "$peer/run.sh" start && WARM=$peer_warmup CONNS=$connections "$peer/run.sh" measure; } >> "$f" 2>&1 \
    || log "peer $1: its measurement failed (see $f)"
  echo "ended $(date -u +%H:%M:%S)" >> "$f"
  "$peer/run.sh" stop >> "$f" 2>&1
}

for turn in $(seq 1 "$rounds"); do
  ours "$turn"
  the_peer "$turn"
done
[ "$close" = 1 ] && ours $((rounds + 1))

# The table: each run's figures, then each of ours against the peer runs beside it.
python3 - "$out" << 'PY' | tee "$out/summary.txt" | tee -a "$out/log.txt"
import glob, os, re, sys
out = sys.argv[1]

def grab(pattern, text, group=1, cast=float):
    m = re.search(pattern, text, re.M)
    return cast(m.group(group)) if m else None

runs = []
for path in glob.glob(os.path.join(out, "*-[0-9]*.txt")):
    name = os.path.basename(path)[:-4]
    if name.endswith("-up"):
        continue
    who, turn = name.rsplit("-", 1)
    text = open(path, encoding="utf-8", errors="replace").read()
    r = {"who": who, "turn": int(turn), "start": grab(r"^started (\S+)", text, cast=str),
         "end": grab(r"^ended (\S+)", text, cast=str)}
    if who == "ours":
        r["register"] = grab(r"^result phase=measured kind=submit mode=closed\S* .*? ok_per_s=([\d.]+)", text)
        r["cpu"] = grab(r"^cpu per registered complaint, during the phase: (server [\d.]+ ms, PostgreSQL [\d.]+ ms, broker [\d.]+ ms)", text, cast=str)
        fixed = re.search(r"^result phase=measured kind=submit mode=fixed-rate.*? p50=([\d.]+)ms .*?p99=([\d.]+)ms", text, re.M)
        r["fixed"] = f"{fixed.group(1)} / {fixed.group(2)} ms" if fixed else None
        waits = re.findall(r"^department wait committed->delivered: .*? p99=(\d+)ms", text, re.M)
        r["wait"] = f"{waits[-1]} ms" if len(waits) > 1 else None
        r["read"] = grab(r"^result phase=measured kind=read generator=wrk .*? ok_per_s=([\d.]+)", text)
        r["refused"] = grab(r"^\| submission failing validation \(token verified\) \| 400 \| ([\d.]+)", text)
        r["stored"] = "MISMATCH" not in text and "stored:" in text
    else:
        r["register"] = grab(r"^POST start complaint\s+rps=([\d.]+)", text)
        r["read"] = grab(r"^authenticated GET process-instance\s+rps=([\d.]+)", text)
        r["open"] = grab(r"^open GET \S+\s+rps=([\d.]+)", text)
        r["stored"] = "-> MATCH" in text
    runs.append(r)
runs.sort(key=lambda r: (r["start"] or "", r["who"]))

print("| run | time (UTC) | register / start per s | read per s | ours: CPU per complaint | ours: 300/s p50 / p99 | ours: department's wait p99 at 300/s | ours: 400 after validation per s | stored = answered |")
print("|---|---|---:|---:|---|---:|---:|---:|---|")
fmt = lambda v: f"{v:,.1f}" if isinstance(v, float) else (v or "–")
for r in runs:
    print(f"| {r['who']} {r['turn']} | {r['start']} – {r['end']} | {fmt(r['register'])} | {fmt(r['read'])} | "
          f"{r.get('cpu') or ''} | {r.get('fixed') or ''} | {r.get('wait') or ''} | {fmt(r.get('refused')) if r['who'] == 'ours' else ''} | {'yes' if r['stored'] else 'NO'} |")
print()
print("Ours against the peer run beside it (registrations / case starts; reads):")
for i, r in enumerate(runs):
    if r["who"] != "ours":
        continue
    for j in (i - 1, i + 1):
        if 0 <= j < len(runs) and runs[j]["who"] == "peer":
            p = runs[j]
            reg = r["register"] / p["register"] if r["register"] and p["register"] else None
            rd = r["read"] / p["read"] if r["read"] and p["read"] else None
            print(f"  ours {r['turn']} / peer {p['turn']}: register {reg:.2f}×" if reg else f"  ours {r['turn']} / peer {p['turn']}: register –",
                  f"read {rd:.2f}×" if rd else "read –")
PY
log "kept in $out"

#!/usr/bin/env bash
# Where a minute's throughput goes, window by window (issue 18): a closed loop (or a fixed RATE)
# with the department's consumer running, cut into STEP-second windows. Per window: the complaints
# registered (from the server's group-size metric), the machine's idle and iowait share, the CPU
# per complaint of the server, PostgreSQL (its backends, and its background processes by name),
# the broker, the department's consumer and the load generator, the server's busiest thread
# groups, and the broker's young-collection pauses that ended in the window (read from the JVM's
# shared performance counters in /tmp/hsperfdata_*, as jstat reads them, without starting a JVM
# each window). A run's average hides windows that run 30 % apart; this shows which work they had
# in them. PostgreSQL's "exited-workers" is the CPU of its workers that ended in the window (an
# autovacuum worker's whole run, counted when it ends): it enters that window's PostgreSQL
# figure; the backends' figure, in brackets, leaves it out.
#
#   ./complaints up --db postgresql
#   DB_NAME=complaints_fresh bench/windows.sh     # DURATION=90 STEP=3 CONNECTIONS=32 LEAD=20 (RATE=300)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
duration=${DURATION:-90}
step=${STEP:-3}
connections=${CONNECTIONS:-32}
rate=${RATE:-}
lead=${LEAD:-20}
log() { printf '[bench] %s\n' "$*"; }
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
token=$("$root/complaints" token channel --channel MOBILE_APP --name bench-mobile-app)
out=$(mktemp)
trap 'task_wait_stop; rm -f "$out"' EXIT
task_wait_start
sleep 5 # the consumer connected
# The lead-in (not measured) warms the consumer's and the generator's new JVMs under the load, so
# that their compilers' work does not fall in the first windows.
if [ -n "$rate" ]; then load=(rate="$rate"); else load=(connections="$connections"); fi
load+=(warmup="$lead")
log "windows of ${step}s over ${duration}s, after ${lead}s not measured: ${load[*]}"
loadgen submit token="$token" run="win$(date -u +%H%M%S)" seed="$(next_seed)" \
  duration="$duration" "${load[@]}" > "$out" &
lg=$!
until grep -q '^measuring ' "$out" || ! kill -0 "$lg" 2> /dev/null; do sleep 0.05; done
sleep 2 # the first window starts clear of the lead-in's last answers
# The last window ends a step before the load does.
python3 - "$server_pid" "$(broker_pids)" "$base_url" "$((duration - 2 - 2 * step))" "$step" << 'PY'
import collections, glob, os, re, struct, sys, time, urllib.request

server, brokers, base_url, duration, step = int(sys.argv[1]), [int(p) for p in sys.argv[2].split()], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])

def ticks(path):  # utime + stime of a /proc stat file, and its command name
    try:
        s = open(path).read()
    except OSError:
        return 0, ""
    close = s.rindex(")")
    f = s[close + 2:].split()
    return int(f[11]) + int(f[12]), s[s.index("(") + 1:close]

def cmdline(pid):
    try:
        return open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode()
    except OSError:
        return ""

def processes(pattern):
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and re.search(pattern, cmdline(p))]

def perf_counters(pid, names):  # the JVM's shared performance counters (what jstat reads)
    for path in glob.glob(f"/tmp/hsperfdata_*/{pid}"):
        data = open(path, "rb").read()
        order = "<" if data[4] == 1 else ">"
        entry_offset, entries = struct.unpack_from(order + "ii", data, 24)
        found, at = {}, entry_offset
        for _ in range(entries):
            length, name_at, vector, kind, _, _, _, value_at = struct.unpack_from(order + "iiiBBBBi", data, at)
            name = data[at + name_at:data.index(b"\0", at + name_at)].decode()
            if name in names and kind == ord("J") and vector == 0:
                found[name] = struct.unpack_from(order + "q", data, at + value_at)[0]
            at += length
        return found
    return {}

def broker_gc():  # young collections and their seconds, summed over the broker's JVMs
    n = t = 0.0
    for pid in brokers:
        c = perf_counters(pid, {"sun.gc.collector.0.invocations", "sun.gc.collector.0.time", "sun.os.hrt.frequency"})
        if c:
            n += c["sun.gc.collector.0.invocations"]
            t += c["sun.gc.collector.0.time"] / c["sun.os.hrt.frequency"]
    return n, t

def snapshot():
    metrics = urllib.request.urlopen(base_url + "/metrics").read().decode()
    threads = collections.Counter()
    for task in os.listdir(f"/proc/{server}/task"):
        v, name = ticks(f"/proc/{server}/task/{task}/stat")
        threads[re.sub(r"[-_ #]?\d+$", "", name)] += v
    pg = collections.Counter()
    for pid in processes(r"^(/\S+/)?postgres"):
        c = cmdline(pid)
        if "autovacuum worker" in c:
            kind = "autovacuum"
        elif re.search(r"\(\d+\)|\[local\]", c):
            kind = "backend"
        elif c.startswith("postgres: "):
            kind = re.sub(r"^postgres: (\S+: )?", "", c).strip().replace(" ", "-")
        else:  # the postmaster: its exited children's CPU too (autovacuum workers that ended)
            kind = "exited-workers"
            try:
                f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                pg[kind] += int(f[13]) + int(f[14])
            except OSError:
                pass
            continue
        pg[kind] += ticks(f"/proc/{pid}/stat")[0]
    return {
        "t": time.time(),
        "n": float(re.search(r"complaints_registration_group_size_sum\S* (\S+)", metrics).group(1)),
        "cpu": [int(x) for x in open("/proc/stat").readline().split()[1:]],
        "server": threads, "pg": pg,
        "broker": sum(ticks(f"/proc/{p}/stat")[0] for p in brokers),
        "consumer": {p: ticks(f"/proc/{p}/stat")[0] for p in processes("TaskWait")},
        "generator": {p: ticks(f"/proc/{p}/stat")[0] for p in processes("LoadGen")},
        "gc": broker_gc(),
    }

def delta(a, b):  # of the processes running at both ends of the window (one that ended has no figure)
    return sum(b[p] - a[p] for p in b if p in a)

hz = os.sysconf("SC_CLK_TCK")
print("| window | registered/s | idle / iowait | CPU ms per complaint: server / PostgreSQL (backends) / broker / consumer / generator | broker young pauses | PostgreSQL background (ticks) | server's busiest threads (ticks) |")
print("|---|---:|---:|---|---|---|---|")
before, end = snapshot(), time.time() + duration
while time.time() < end:
    time.sleep(step)
    now = snapshot()
    n = now["n"] - before["n"]
    if n > 0:
        per = lambda ticks_: ticks_ * 1000 / hz / n
        cpu = [b - a for a, b in zip(before["cpu"], now["cpu"])]
        total = sum(cpu)
        threads = now["server"] - before["server"]
        pg = now["pg"] - before["pg"]
        gcs, gc_s = now["gc"][0] - before["gc"][0], now["gc"][1] - before["gc"][1]
        busiest = " ".join(f"{k}:{v}" for k, v in threads.most_common(4))
        background = " ".join(f"{k}:{v}" for k, v in pg.most_common() if k != "backend" and v > 0) or "–"
        print(f"| {time.strftime('%H:%M:%S', time.gmtime(now['t']))} | {n / (now['t'] - before['t']):.0f} | "
              f"{100 * cpu[3] / total:.1f} / {100 * cpu[4] / total:.1f} % | "
              f"{per(sum(threads.values())):.2f} / {per(sum(pg.values())):.2f} ({per(pg['backend']):.2f}) / "
              f"{per(now['broker'] - before['broker']):.2f} / {per(delta(before['consumer'], now['consumer'])):.2f} / "
              f"{per(delta(before['generator'], now['generator'])):.2f} | "
              f"{f'{gcs:.0f}, {gc_s * 1000:.0f} ms' if gcs else '–'} | {background} | {busiest} |", flush=True)
    before = now
PY
wait "$lg"
grep '^result phase=measured' "$out"

#!/usr/bin/env python3
"""Where the system's threads wait for a CPU (issue 18): reads each thread's
/proc/<pid>/task/<tid>/schedstat (time on a CPU, time runnable in a run queue, time slices) of the
server, PostgreSQL, the broker and the benchmark's own processes twice, SECONDS apart, and prints
per group the CPU time, the time spent waiting for a CPU, the wait per time slice and how many of
its threads were waiting on average.

Reads the files directly, without starting a process per thread: a shell loop with `cat` per
thread took 10 s and a core of its own, and its load showed up as the others' wait.

  bench/run-queues.py 10        # during a load, e.g. 15 s into bench/intake-load.sh's saturation
"""
import os
import sys
import time


def processes():
    groups = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if "ASMain" in cmd:
            groups[pid] = "server"
        elif "artemis.boot.Artemis" in cmd:
            groups[pid] = "broker"
        elif cmd.startswith("postgres"):
            groups[pid] = "postgresql"
        elif "TaskWait" in cmd:
            groups[pid] = "department's consumer"
        elif "LoadGen" in cmd:
            groups[pid] = "load generator"
    return groups


def snapshot(groups):
    threads = {}
    for pid, group in groups.items():
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tids:
            try:
                with open(f"/proc/{pid}/task/{tid}/comm") as f:
                    name = f.read().strip()
                with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                    on_cpu, waiting, slices = map(int, f.read().split())
            except (OSError, ValueError):
                continue  # the thread ended
            if group == "server":
                name_group = "server: HTTP threads" if name.startswith("http-thread") else "server: other"
            else:
                name_group = group
            threads[(pid, tid)] = (name_group, on_cpu, waiting, slices)
    return threads


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    groups = processes()
    t0 = time.time()
    first = snapshot(groups)
    t1 = time.time()
    time.sleep(seconds)
    t2 = time.time()
    second = snapshot(groups)
    t3 = time.time()
    window = (t2 + t3) / 2 - (t0 + t1) / 2
    totals = {}
    for key, (group, on_cpu, waiting, slices) in second.items():
        if key not in first:
            continue
        _, on_cpu0, waiting0, slices0 = first[key]
        t = totals.setdefault(group, [0, 0, 0])
        t[0] += on_cpu - on_cpu0
        t[1] += waiting - waiting0
        t[2] += slices - slices0
    print(f"window {window:.2f} s (each reading took {t1 - t0:.3f} s); CPUs: {os.cpu_count()}")
    print("| threads | time on a CPU | time waiting for a CPU | waiting per time slice | threads waiting on average |")
    print("|---|---:|---:|---:|---:|")
    busy = 0
    for group, (on_cpu, waiting, slices) in sorted(totals.items()):
        busy += on_cpu
        print(
            f"| {group} | {on_cpu / 1e9:.2f} s | {waiting / 1e9:.2f} s |"
            f" {waiting / max(slices, 1) / 1e6:.2f} ms | {waiting / 1e9 / window:.2f} |"
        )
    print(f"these processes kept {100 * busy / 1e9 / window / os.cpu_count():.0f} % of the CPUs busy")


if __name__ == "__main__":
    main()

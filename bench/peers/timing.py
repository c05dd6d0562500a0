#!/usr/bin/env python3
"""Times each tool on the same input, round-robin, and prints the markdown
table (bench/peers/README.md, "Timing").

    python3 timing.py INPUT RUNS LABELS.tsv

LABELS.tsv: one tool per line, `name<TAB>label<TAB>command`; the first tool is
the one the others are compared with, and each command gets INPUT as its last
argument. Output goes to /dev/null.

Round-robin (tool 1, 2, ..., then again) rather than all runs of one tool and
then the next: on a machine other jobs share, a burst of their load then lands
on every tool alike instead of on whichever tool was running. Each run gives
its wall time (perf_counter), its CPU time (user + system, from wait4) and
its peak RSS (from /usr/bin/time). With TIMING_JSON set, the medians also
go to that file as JSON (name -> wall, cpu, rss_mb) for other scripts.
"""
import json
import os
import shlex
import statistics
import subprocess
import sys
import time


def loadavg():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def run_once(argv, rss_file):
    # Peak RSS from /usr/bin/time: a child forked from this Python process
    # would report Python's own RSS (~11 MB) as its peak, whatever it used.
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file] + argv,
                                 stdout=null, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    # ordernorm exits 1 when it rejects a record; every tool here must convert all.
    if code != 0:
        sys.exit("timing.py: %s exited with %d" % (shlex.join(argv), code))
    with open(rss_file) as f:
        rss_mb = int(f.read().split()[-1]) / 1024
    # usage covers time(1) and the tool it waited for; time(1) itself is ~1 ms.
    return wall, usage.ru_utime + usage.ru_stime, rss_mb


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    load_before = loadavg()
    path, runs = sys.argv[1], int(sys.argv[2])
    tools = []
    with open(sys.argv[3], encoding="utf-8") as f:
        for line in f:
            name, label, command = line.rstrip("\n").split("\t")
            tools.append((name, label, shlex.split(command) + [path]))
    rss_file = os.path.join(os.path.dirname(os.path.abspath(sys.argv[3])), "rss.txt")
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        orders = sum(1 for line in f if line.strip())

    # One untimed round: the input and the programs into the page cache.
    for _, _, argv in tools:
        run_once(argv, rss_file)
    samples = {name: [] for name, _, _ in tools}
    for r in range(runs):
        for name, _, argv in tools:
            samples[name].append(run_once(argv, rss_file))
            wall, cpu, _ = samples[name][-1]
            print("run %d/%d %-10s %8.3f s wall %8.3f s CPU" % (r + 1, runs, name, wall, cpu),
                  file=sys.stderr)

    def median(name, i):
        return statistics.median(s[i] for s in samples[name])

    base = tools[0][0]
    if os.environ.get("TIMING_JSON"):
        with open(os.environ["TIMING_JSON"], "w", encoding="utf-8") as f:
            json.dump({name: {"label": label, "wall": median(name, 0), "cpu": median(name, 1),
                              "rss_mb": max(s[2] for s in samples[name])}
                       for name, label, _ in tools}, f, indent=1)
    print("Input: %s orders, %.1f MB (%d bytes); median of %d runs, round-robin; "
          "load average before/after: %s"
          % (f"{orders:,}", size / 1e6, size, runs, load_before + " / " + loadavg()))
    print()
    print("| tool | seconds (median) | MB/s | orders/s | peak RSS (MB) | ordernorm is N x faster "
          "| CPU seconds (median) | N x by CPU |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, label, _ in tools:
        wall, cpu = median(name, 0), median(name, 1)
        rss = max(s[2] for s in samples[name])
        ratio = "1" if name == base else "%.1f" % (wall / median(base, 0))
        cpu_ratio = "1" if name == base else "%.1f" % (cpu / median(base, 1))
        print("| %s | %.3f | %.1f | %s | %.0f | %s | %.3f | %s |"
              % (label, wall, size / 1e6 / wall, f"{orders / wall:,.0f}", rss, ratio, cpu,
                 cpu_ratio))


if __name__ == "__main__":
    main()

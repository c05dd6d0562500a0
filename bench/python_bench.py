#!/usr/bin/python3
"""The Python module and ordernorm.dask against the Python peer
(bench/peers/python_mapper.py: json.loads + a hand-written mapping) on the
same Shopify REST NDJSON dump (issue 16). Run by Debian's interpreter, with a
Release build configured with -DORDERNORM_PYTHON=ON:

    /usr/bin/python3 bench/python_bench.py --build build            # 100 MB, median of 3
    /usr/bin/python3 bench/python_bench.py --build build --size-mb 20 --runs 5 --no-dask

The dump is made once by the project's generator (ordernorm_gen --platform
shopify --bytes 100M --seed 42, as bench/peers/run.sh makes it) into
BUILD/python-bench/; an ordernorm_gen from BUILD/bench/ is used if there,
else bench/gen_orders.cpp is compiled (it needs only fmt). Nothing is
committed. Every figure includes reading the file (the peer reads it too),
but the "already in memory" rows, which time the call alone on bytes in
hand, and the read alone, the floor of the bytes rows; the tools take turns
within each round, and the median of the rounds is
printed, as markdown, with the load average before and after.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


def loadavg():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def generator(build, work):
    gen = build / "bench" / "ordernorm_gen"
    if gen.exists():
        return gen
    gen = work / "ordernorm_gen"
    if not gen.exists():
        subprocess.run(["g++", "-std=c++20", "-O2", "-o", str(gen), str(HERE / "gen_orders.cpp"),
                        "-lfmt"], check=True)
    return gen


def dump(build, size_mb, seed):
    work = build / "python-bench"
    work.mkdir(exist_ok=True)
    path = work / f"shopify-{size_mb}MB-seed{seed}.ndjson"
    if not path.exists() or path.stat().st_size == 0:
        subprocess.run([str(generator(build, work)), "--platform", "shopify", "--bytes",
                        f"{size_mb}M", "--seed", str(seed), "-o", str(path)], check=True)
    return path


def halves(data):
    """The data cut in two on a line boundary, for two threads."""
    mid = data.index(b"\n", len(data) // 2) + 1
    return data[:mid], data[mid:]


def in_threads(fn, parts):
    threads = [threading.Thread(target=fn, args=(p,)) for p in parts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=str(ROOT / "build"), help="a Release build with the module")
    ap.add_argument("--size-mb", type=int, default=100)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--json", help="also write the medians here")
    args = ap.parse_args()
    build = pathlib.Path(args.build).resolve()
    sys.path.insert(0, str(build / "python" / "site"))
    import ordernorm  # noqa: E402 (from the build tree)

    path = dump(build, args.size_mb, args.seed)
    size = path.stat().st_size
    load_before = loadavg()

    def read():
        with open(path, "rb") as f:
            return f.read()

    data = read()
    orders = ordernorm.convert(data)
    n_orders = len(orders)
    del orders
    first, second = halves(data)

    def peer():
        subprocess.run([sys.executable, str(HERE / "peers" / "python_mapper.py"), str(path)],
                       stdout=subprocess.DEVNULL, check=True)

    def dicts():
        ordernorm.convert(read())

    def read_alone():
        read()

    # Bytes already in memory (an HTTP body, a message): the call alone.
    def dicts_in_memory():
        ordernorm.convert(data)

    def ndjson_in_memory():
        ordernorm.convert(data, output="ndjson")

    def dicts_one_thread():
        ordernorm.convert(read(), threads=1)

    def ndjson():
        ordernorm.convert(read(), output="ndjson")

    def ndjson_one_thread():
        ordernorm.convert(read(), output="ndjson", threads=1)

    def stream():
        for _ in ordernorm.convert_file(path):
            pass

    def stream_ndjson():
        for _ in ordernorm.convert_file(path, output="ndjson"):
            pass

    # The caller's threads, each call on one thread of its own (threads=1).
    def dicts_serial_halves():
        for part in (first, second):
            ordernorm.convert(part, threads=1)

    def dicts_two_threads():
        in_threads(lambda p: ordernorm.convert(p, threads=1), (first, second))

    def ndjson_serial_halves():
        for part in (first, second):
            ordernorm.convert(part, output="ndjson", threads=1)

    def ndjson_two_threads():
        in_threads(lambda p: ordernorm.convert(p, output="ndjson", threads=1), (first, second))

    tools = [
        ("peer", "Python peer (json.loads + dict mapper, `python_mapper.py`, own process)", peer),
        ("read", "reading the file into bytes alone (`f.read()`: part of every row below "
         "but the in-memory and convert_file ones)", read_alone),
        ("dicts_mem", "`ordernorm.convert(data)`, data already in memory (threads=0)",
         dicts_in_memory),
        ("ndjson_mem", '`ordernorm.convert(data, output="ndjson")`, data already in memory '
         "(threads=0)", ndjson_in_memory),
        ("dicts", "`ordernorm.convert(data)` -> list of dicts (threads=0: one per core)", dicts),
        ("dicts_1t", "`ordernorm.convert(data, threads=1)` -> list of dicts", dicts_one_thread),
        ("ndjson", '`ordernorm.convert(data, output="ndjson")` -> bytes (threads=0)', ndjson),
        ("ndjson_1t", '`ordernorm.convert(data, output="ndjson", threads=1)` -> bytes',
         ndjson_one_thread),
        ("stream", "`for o in ordernorm.convert_file(path)` (dicts, streamed)", stream),
        ("stream_ndjson", '`for chunk in ordernorm.convert_file(path, output="ndjson")` (bytes)',
         stream_ndjson),
        ("dicts_halves", "dicts, the two halves one after the other (threads=1 each)",
         dicts_serial_halves),
        ("dicts_2t", "dicts, the two halves in 2 threads", dicts_two_threads),
        ("ndjson_halves", "NDJSON, the two halves one after the other (threads=1 each)",
         ndjson_serial_halves),
        ("ndjson_2t", "NDJSON, the two halves in 2 threads", ndjson_two_threads),
    ]
    times = {name: [] for name, _, _ in tools}
    cpu = {name: [] for name, _, _ in tools}
    for _ in range(args.runs):
        for name, _, fn in tools:
            c0 = os.times()
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
            c1 = os.times()
            cpu[name].append((c1.user - c0.user) + (c1.system - c0.system) +
                             (c1.children_user - c0.children_user) +
                             (c1.children_system - c0.children_system))
    med = {k: statistics.median(v) for k, v in times.items()}
    med_cpu = {k: statistics.median(v) for k, v in cpu.items()}

    dask_rows = []
    if not args.no_dask:
        import dask  # noqa: F401
        from distributed import Client, LocalCluster
        import ordernorm.dask
        blocksize = max(size // 16, 1 << 20)
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                              host="127.0.0.1", dashboard_address=None) as cluster, \
                    Client(cluster):
                runs = []
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    # Counted on the workers: the dicts stay where they were made.
                    counted = ordernorm.dask.read_orders(str(path), source="shopify",
                                                         blocksize=blocksize).count().compute()
                    runs.append(time.perf_counter() - t0)
                    assert counted == n_orders, (counted, n_orders)
                dask_rows.append((workers, statistics.median(runs), runs))
        med["dask1"] = dask_rows[0][1]
        med["dask2"] = dask_rows[1][1]

    load_after = loadavg()
    mb = size / 1e6
    print(f"Input: {path.name}, {mb:.1f} MB, {n_orders:,} orders; {args.runs} rounds, median; "
          f"load average {load_before} before, {load_after} after.\n")
    print("| what | seconds (median) | MB/s | orders/s | CPU s | peer / this (wall) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, label, _ in tools:
        t = med[name]
        print(f"| {label} | {t:.3f} | {mb / t:.1f} | {n_orders / t:,.0f} | {med_cpu[name]:.3f} "
              f"| {med['peer'] / t:.1f}x |")
    print()
    print(f"2 threads: dicts {med['dicts_halves'] / med['dicts_2t']:.2f}x, "
          f"NDJSON {med['ndjson_halves'] / med['ndjson_2t']:.2f}x the serial halves.")
    if dask_rows:
        print(f"\nDask, `read_orders(path, blocksize={blocksize:,}).count()`, "
              f"LocalCluster of 1 or 2 worker processes, 1 thread each:\n")
        print("| workers | seconds (median) | runs | MB/s |")
        print("|---:|---:|---|---:|")
        for workers, t, runs in dask_rows:
            print(f"| {workers} | {t:.3f} | {', '.join(f'{r:.3f}' for r in runs)} | {mb / t:.1f} |")
        print(f"\n2 workers: {dask_rows[0][1] / dask_rows[1][1]:.2f}x one worker.")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps({"median_s": med, "cpu_s": med_cpu,
                                                       "mb": mb, "orders": n_orders}, indent=1))


if __name__ == "__main__":
    main()

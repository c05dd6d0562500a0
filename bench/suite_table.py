#!/usr/bin/env python3
"""Markdown tables from ordernorm_bench's JSON (--benchmark_out): every
platform against its skip floor, and the cost of --strict when the suite
timed it.

    python3 bench/suite_table.py suite.json

The floor is BM_<platform>/skip_floor: stage 1 + stepping over every value
unread. A one-pass On-Demand mapper does at least that, so fast / skip floor
is the share of the attainable speed it reaches (target >= 50% on every
platform). iterate-all (reading every value) is a baseline, not a limit: the
mapper skips what it does not map and can beat it. Rates are from CPU time.
"""
import json
import sys

TARGET = 0.50
KNOWN = ["shopify", "malomo", "magento", "bigcommerce", "woocommerce", "sfcc", "squarespace",
         "ebay"]


def load(path):
    suite = json.load(open(path))
    benchmarks = suite["benchmarks"]
    # Medians of the repetitions; with one repetition, that run itself.
    kind = "median" if any(b.get("aggregate_name") == "median" for b in benchmarks) else None
    rates, order = {}, []
    for b in benchmarks:
        if b.get("aggregate_name") != kind or b.get("error_occurred"):
            continue
        plat, _, what = b["run_name"].removeprefix("BM_").partition("/")
        if plat not in order:
            order.append(plat)
        rates[plat, what] = (b.get("bytes_per_second", 0.0), b.get("items_per_second", 0.0))
    # The suite's order (interleaved repetitions come out shuffled).
    order.sort(key=lambda p: KNOWN.index(p) if p in KNOWN else len(KNOWN))
    return suite["context"], kind, rates, order


def ratio(a, b):
    return a / b if b else float("nan")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    ctx, kind, rates, order = load(sys.argv[1])
    mb = lambda r: f"{r / 1e6:,.0f}" if r else "–"

    print(f"Suite: {ctx.get('host_name', '?')}, {ctx.get('num_cpus', '?')} CPUs at "
          f"{ctx.get('mhz_per_cpu', '?')} MHz, simdjson {ctx.get('simdjson', '?')} "
          f"({ctx.get('simdjson_active_implementation', '?')}), NDEBUG {ctx.get('NDEBUG', '?')}; "
          f"{'medians' if kind else 'one repetition'}, MB = 10^6 bytes, single thread; "
          "rates from CPU time; load average at the start "
          f"{', '.join(f'{x:.1f}' for x in ctx.get('load_avg', []))}.")
    if "left_out" in ctx:
        print(f"Left out (their orders failed the check): {ctx['left_out']}")
    print()
    print("| platform | fast MB/s | fast orders/s | skip floor MB/s | **fast / skip floor** "
          f"| target (>= {TARGET:.0%} of the floor) | mapping alone / skip floor | writer share "
          "| iterate-all (reads every value) MB/s | fast / iterate-all | reference MB/s "
          "| fast / reference | read bytes (memchr) MB/s |")
    print("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    met = 0
    for p in order:
        get = lambda w: rates.get((p, w), (0.0, 0.0))
        fast, ref, floor, every, nout, read = (get(w) for w in (
            "fast", "reference", "skip_floor", "iterate_all", "fast_no_output", "read_bytes"))
        r = ratio(fast[0], floor[0])
        if r >= TARGET:
            met += 1
            verdict = "met"
        else:
            # How much faster the fast mapper must get to reach the target.
            verdict = f"**missed** by {(TARGET - r) * 100:.0f} points (needs {TARGET / r:.2f}x)"
        writer = 1 - ratio(fast[0], nout[0]) if nout[0] else float("nan")
        print(f"| {p} | {mb(fast[0])} | {fast[1]:,.0f} | {mb(floor[0])} | **{r:.0%}** | {verdict} "
              f"| {ratio(nout[0], floor[0]):.0%} | {writer:.0%} | {mb(every[0])} "
              f"| {ratio(fast[0], every[0]):.0%} | {mb(ref[0])} | {ratio(fast[0], ref[0]):.2f}x "
              f"| {mb(read[0])} |")
    print()
    print(f"Target fast >= {TARGET:.0%} of the skip floor: met on {met} of {len(order)} platforms.")
    print()
    print("- *skip floor*: simdjson On-Demand, stage 1 + stepping over every top-level field "
          "with its value skipped. Every one-pass On-Demand mapper does at least this, so "
          "nothing of that kind beats it.")
    print("- *mapping alone*: the fast mapper with a sink that writes nothing (`fast_no_output`); "
          "*writer share* = 1 - fast / mapping alone.")
    print("- *iterate-all*: On-Demand reading every key, string, number, bool and null. A "
          "baseline, not a limit: the mapper leaves unmapped values unread, so it can beat it.")
    print("- *read bytes*: `memchr` for the line ends over the same buffer, in cache; for scale.")

    strict = [p for p in order if (p, "fast_strict") in rates]
    print()
    if not strict:
        print("`--strict`: not in this build (no `options::strict`); its cost is not measured.")
        return
    print("The cost of `--strict` (every value validated), same data, CPU time:")
    print()
    print("| platform | fast MB/s | fast --strict MB/s | --strict costs | --strict / skip floor |")
    print("|---|---:|---:|---:|---:|")
    for p in strict:
        fast, checked, floor = (rates[p, w][0] for w in ("fast", "fast_strict", "skip_floor"))
        print(f"| {p} | {mb(fast)} | {mb(checked)} | {ratio(fast, checked) - 1:+.0%} "
              f"| {ratio(checked, floor):.0%} |")


if __name__ == "__main__":
    main()

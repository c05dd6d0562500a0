#!/usr/bin/env bash
# Issue 14's results, in one run: builds Release, generates every dump with
# ordernorm_gen (seed 42, deterministic), checks every output before timing
# it, and prints markdown tables (results.md) for
#   1. `-j 1` vs `-j 2` on a mixed-platform NDJSON dump (wall and CPU)
#   2. peak RSS on NDJSON, one JSON array and one {"orders":[...]} envelope
#   3. `.gz` convert vs `igzip -d -c`, `.zst` convert vs `zstd -d -c`
#   4. `cat FILE | ordernorm convert -` vs the file
#   5. every platform against its skip floor (the suite), --strict's cost, and
#      Shopify's GraphQL and bulk shapes on REST's orders (bench/shopify_shapes.sh
#      times them end to end on 1 GB)
#   6. the peers (bench/peers/run.sh) by wall and by CPU time
#
#   bench/run_results.sh                         # 1 GB dumps: about 10 minutes
#   SIZE=50M SUITE_BYTES=5M PEER_MB=20 bench/run_results.sh   # a quick check
#
# Settings (environment):
#   BUILD_DIR    Release build directory (default build-rel)
#   OUT          results directory (default $BUILD_DIR/results)
#   DATA_DIR     dumps (default $BUILD_DIR/bench-data); made once per size and seed
#   SIZE         the mixed dump and the array and envelope (default 1G)
#   SEED         the generator seed (default 42)
#   RUNS         hyperfine runs per command, after one warm-up run (default 3)
#   SUITE_BYTES  suite data per platform (default 20M); SUITE_REPS (default 3)
#   PEER_MB      the peers' Shopify input in MB (default 100); PEERS: which
#                peers (default "nlohmann node python jq jsonata")
#   SKIP         sections to leave out, e.g. "peers suite"
#   JOBS         build parallelism (default 2)
# Times are hyperfine's (wall: mean; CPU: user + system, mean) and the suite's
# (CPU time): on a shared machine compare CPU times and ratios within this run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$root/build-rel}
case $BUILD_DIR in /*) ;; *) BUILD_DIR=$root/$BUILD_DIR ;; esac
OUT=${OUT:-$BUILD_DIR/results}
DATA_DIR=${DATA_DIR:-$BUILD_DIR/bench-data}
SIZE=${SIZE:-1G}
SEED=${SEED:-42}
RUNS=${RUNS:-3}
SUITE_BYTES=${SUITE_BYTES:-20M}
SUITE_REPS=${SUITE_REPS:-3}
PEER_MB=${PEER_MB:-100}
SKIP=${SKIP:-}
JOBS=${JOBS:-2}

started=$(date +%s)
say() { printf '== [%4ss] %s\n' "$(($(date +%s) - started))" "$*" >&2; }
die() {
  printf 'run_results.sh: %s\n' "$*" >&2
  exit 1
}
skipping() { [[ " $SKIP " == *" $1 "* ]]; }

# ---------------------------------------------------------------------------
say "tools"
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v igzip >/dev/null || need+=(isal)
command -v zstd >/dev/null || need+=(zstd)
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]})); then
  sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${need[@]}" >&2
fi

say "build: Release in $BUILD_DIR"
# Release only: simdjson On-Demand is ~2.6x slower without NDEBUG.
if [[ -f $BUILD_DIR/CMakeCache.txt ]]; then
  type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD_DIR/CMakeCache.txt")
  [[ $type == Release ]] || die "$BUILD_DIR is a '$type' build, not Release"
  cmake -B "$BUILD_DIR" -DORDERNORM_BUILD_BENCH=ON >/dev/null
else
  cmake -S "$root" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DORDERNORM_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$BUILD_DIR" -j"$JOBS" --target ordernorm_bench ordernorm_gen ordernorm_cli >&2
cli=$BUILD_DIR/src/ordernorm
gen=$BUILD_DIR/bench/ordernorm_gen
bench=$BUILD_DIR/bench/ordernorm_bench
mkdir -p "$OUT" "$DATA_DIR"
rm -f "$OUT"/*.json "$OUT"/notes.txt "$OUT"/rss.tsv "$OUT"/suite.md "$OUT"/peers.md
note() { printf '%s\n' "$*" >>"$OUT/notes.txt"; }

help=$("$cli" convert --help)
has_jobs=0
grep -q -- '--jobs' <<<"$help" && has_jobs=1
((has_jobs)) || note "jobs: \`ordernorm convert --help\` lists no \`--jobs\`: the -j 1 vs -j 2 row is left out; every other row runs the CLI as it is."
cores=$(nproc)

# ---------------------------------------------------------------------------
# dump FORMAT: the mixed dump (every platform in turn) of SIZE in that format.
dump() {
  local ext=$1
  [[ $ext == ndjson ]] || ext=$1.json
  local f=$DATA_DIR/all-$SIZE-seed$SEED.$ext
  if [[ ! -s $f ]]; then
    say "generating $f"
    "$gen" --platform all --bytes "$SIZE" --seed "$SEED" --format "$1" -o "$f.part" 2>/dev/null
    mv "$f.part" "$f"
  fi
  printf '%s\n' "$f"
}
ndjson=$(dump ndjson)
array=$(dump array)
envelope=$(dump envelope)
gz=$ndjson.gz
zst=$ndjson.zst
if [[ ! -s $gz || $gz -ot $ndjson ]]; then
  say "compressing $gz (igzip, its default level)"
  igzip -c "$ndjson" >"$gz.part" && mv "$gz.part" "$gz"
fi
if [[ ! -s $zst || $zst -ot $ndjson ]]; then
  say "compressing $zst (zstd -3)"
  zstd -q -3 -T0 -f "$ndjson" -o "$zst.part" && mv "$zst.part" "$zst"
fi
bytes=$(stat -c %s "$ndjson")

# ---------------------------------------------------------------------------
# Outputs first: each form of the input must give the bytes of the plain
# NDJSON at -j 1 (no reject, same orders), or nothing is timed. The array,
# envelope and NDJSON runs also give the peak RSS (/usr/bin/time, one run,
# the CLI's default -j): the hash runs in another process.
say "verify: every input form against the NDJSON's output"
# digest LABEL CMD...: sha256 of CMD's standard output; its status must be 0.
digest() {
  local label=$1
  shift
  local sum
  sum=$("$@" 2>"$OUT/verify-$label.err" | sha256sum | cut -c1-64)
  # The CLI's summary: every record converted (exit status 0 needs that too).
  if ! grep -q ' 0 rejected' "$OUT/verify-$label.err"; then
    tail -5 "$OUT/verify-$label.err" >&2
    die "$label: ordernorm rejected records or failed; nothing timed"
  fi
  printf '%s\n' "$sum"
}
j1=()
((has_jobs)) && j1=(--jobs 1)
want=$(digest ndjson-j1 "$cli" convert "${j1[@]}" "$ndjson")
summary=$(grep -o '[0-9]* records: .*' "$OUT/verify-ndjson-j1.err" | head -1)
check() {
  local label=$1
  shift
  local got
  got=$(digest "$label" "$@")
  [[ $got == "$want" ]] || die "$label: output differs from the NDJSON's at -j 1; nothing timed"
}
if ((has_jobs)); then check ndjson-j2 "$cli" convert --jobs 2 "$ndjson"; fi
printf 'input\tbytes\tmax_rss_kib\n' >"$OUT/rss.tsv"
for form in ndjson array envelope; do
  f=${!form}
  check "rss-$form" /usr/bin/time -f %M -o "$OUT/rss-$form.txt" "$cli" convert "$f"
  printf '%s\t%s\t%s\n' "$form" "$(stat -c %s "$f")" "$(tail -1 "$OUT/rss-$form.txt")" >>"$OUT/rss.tsv"
done
check gz "$cli" convert "$gz"
check zst "$cli" convert "$zst"
check pipe sh -c 'cat "$1" | "$2" convert -' sh "$ndjson" "$cli"

# ---------------------------------------------------------------------------
# hf NAME CMD...: hyperfine, RUNS runs after one warm-up, results to NAME.json.
hf() {
  local name=$1
  shift
  hyperfine --style basic --runs "$RUNS" --warmup 1 --export-json "$OUT/$name.json" "$@" >&2
}
if ((has_jobs)); then
  say "time: -j 1 vs -j 2"
  hf jobs -n "jobs 1" "$cli convert --jobs 1 -o /dev/null $ndjson" \
    -n "jobs 2" "$cli convert --jobs 2 -o /dev/null $ndjson"
fi
say "time: decompression alone vs convert"
hf gz -n "igzip -d -c" "igzip -d -c $gz >/dev/null" -n "convert .gz" "$cli convert -o /dev/null $gz"
hf zst -n "zstd -d -c" "zstd -d -c $zst >/dev/null" -n "convert .zst" "$cli convert -o /dev/null $zst"
say "time: pipe vs file"
hf pipe -n "file" "$cli convert -o /dev/null $ndjson" \
  -n "pipe" "cat $ndjson | $cli convert -o /dev/null -"

# ---------------------------------------------------------------------------
if ! skipping suite; then
  say "suite: $SUITE_BYTES per platform, $SUITE_REPS repetitions"
  # Interleaved at random: on a shared machine the load drifts, and this
  # spreads the drift over every benchmark instead of a few.
  "$bench" --benchmark_repetitions="$SUITE_REPS" --benchmark_report_aggregates_only=true \
    --benchmark_enable_random_interleaving=true --benchmark_filter='/(fast|reference|skip_floor|order_skip_floor|iterate_all|read_bytes|fast_no_output|fast_strict|reader_stitch|reader_lines)$' \
    --benchmark_out="$OUT/suite.json" --benchmark_out_format=json \
    --data_bytes="$SUITE_BYTES" --data_seed="$SEED" >&2
  python3 "$root/bench/suite_table.py" "$OUT/suite.json" >"$OUT/suite.md"
else
  note "suite: left out (SKIP)."
fi

if ! skipping peers; then
  say "peers: ${PEER_MB} MB of Shopify orders"
  # The peers script checks every peer's output against ordernorm's first.
  ORDERNORM_BUILD=$BUILD_DIR BUILD_DIR=$BUILD_DIR SIZE_MB=$PEER_MB N=$RUNS \
    TIMING_JSON=$OUT/peers-timing.json "$root/bench/peers/run.sh" >&2
  cp "$BUILD_DIR/peers/results.md" "$OUT/peers.md"
else
  note "peers: left out (SKIP)."
fi

# ---------------------------------------------------------------------------
say "tables"
python3 - "$OUT" "$bytes" "$has_jobs" "$cores" "$summary" "$(git -C "$root" rev-parse --short HEAD)" \
  "$(($(date +%s) - started))" <<'EOF' | tee "$OUT/results.md"
import csv, json, os, sys

out, size, has_jobs, cores, summary, commit, elapsed = sys.argv[1:]
size = int(size)
mb = size / 1e6


def hf(name):
    path = os.path.join(out, name + ".json")
    if not os.path.exists(path):
        return None
    return {r["command"]: r for r in json.load(open(path))["results"]}


def cpu(r):
    return r["user"] + r["system"]


def verdict(ok, text):
    return ("met" if ok else "**missed**") + f" ({text})"


print(f"Commit `{commit}`; {cores} cores; load average before the tables: "
      f"{open('/proc/loadavg').read().split()[0]}; this run took {int(elapsed) // 60} min "
      f"{int(elapsed) % 60} s. Hyperfine: mean of the runs after a warm-up; CPU = user + system. "
      f"Every output below was checked first: the same bytes as `-j 1` on the NDJSON.")
print()
print(f"Mixed dump: every platform in turn, {mb:,.0f} MB, {summary}.")
print()

jobs = hf("jobs")
print("### `-j 1` vs `-j 2` on the mixed NDJSON dump")
print()
if jobs:
    a, b = jobs["jobs 1"], jobs["jobs 2"]
    print("| | wall s (mean) | ± | MB/s (wall) | CPU s | |")
    print("|---|---:|---:|---:|---:|---|")
    print(f"| `-j 1` | {a['mean']:.2f} | {a['stddev'] or 0:.2f} | {mb / a['mean']:,.0f} | {cpu(a):.2f} | |")
    speedup = a["mean"] / b["mean"]
    print(f"| `-j 2` | {b['mean']:.2f} | {b['stddev'] or 0:.2f} | {mb / b['mean']:,.0f} | {cpu(b):.2f} "
          f"| {speedup:.2f}x the throughput: {verdict(speedup >= 1.8, 'target >= 1.8x')} |")
else:
    print("Not measured: this build's `ordernorm convert` has no `--jobs`.")
print()

print("### Peak RSS (`/usr/bin/time`, the CLI's default -j)")
print()
print("| input | size MB | peak RSS MiB | target < 64 MB |")
print("|---|---:|---:|---|")
for row in csv.DictReader(open(os.path.join(out, "rss.tsv")), delimiter="\t"):
    rss = int(row["max_rss_kib"]) / 1024
    name = {"ndjson": "NDJSON", "array": "one JSON array", "envelope": '`{"orders":[...]}`'}[row["input"]]
    print(f"| {name} | {int(row['bytes']) / 1e6:,.0f} | {rss:,.1f} | "
          f"{verdict(rss * 1024 * 1024 < 64e6, f'{rss * 1024 * 1024 / 64e6:.2f}x the bound')} |")
print()

print("### Compressed dumps and pipes")
print()
print("| | alone s (wall) | convert s (wall) | ratio (wall) | alone CPU s | convert CPU s | target |")
print("|---|---:|---:|---:|---:|---:|---|")
rows = [("gz", "igzip -d -c", "convert .gz", ".gz vs `igzip -d -c > /dev/null`", 1.25),
        ("zst", "zstd -d -c", "convert .zst", ".zst vs `zstd -d -c > /dev/null`", 1.25),
        ("pipe", "file", "pipe", "`cat f \\| convert -` vs the file", 1.10)]
for name, base, conv, title, bound in rows:
    t = hf(name)
    a, b = t[base], t[conv]
    r = b["mean"] / a["mean"]
    print(f"| {title} | {a['mean']:.2f} | {b['mean']:.2f} | {r:.2f}x | {cpu(a):.2f} | {cpu(b):.2f} "
          f"| {verdict(r <= bound, f'<= {bound}x')} |")
print()

suite = os.path.join(out, "suite.md")
print("### Every platform against its skip floor (`ordernorm_bench`)")
print()
print(open(suite).read() if os.path.exists(suite) else "Not run (SKIP).")
print()

print("### Peers (`bench/peers/run.sh`, Shopify orders)")
print()
peers = os.path.join(out, "peers.md")
timing = os.path.join(out, "peers-timing.json")
if os.path.exists(peers) and os.path.exists(timing):
    print(open(peers).read().strip())
    print()
    t = json.load(open(timing))
    base = t["ordernorm"]
    targets = {"jq": 30, "node": 10, "nlohmann": 15, "jsonata": 40}
    print("| target | by wall | by CPU | |")
    print("|---|---:|---:|---|")
    for name, x in targets.items():
        if name not in t:
            continue
        w, c = t[name]["wall"] / base["wall"], t[name]["cpu"] / base["cpu"]
        print(f"| >= {x}x {t[name]['label']} | {w:.1f}x | {c:.1f}x "
              f"| wall: {verdict(w >= x, f'{w / x:.0%} of the target')} |")
else:
    print("Not run (SKIP).")

notes = os.path.join(out, "notes.txt")
if os.path.exists(notes):
    print()
    print("Left out:")
    print()
    for line in open(notes):
        print(f"- {line.strip()}")
EOF
say "done: $OUT/results.md"

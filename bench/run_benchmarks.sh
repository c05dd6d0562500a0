#!/usr/bin/env bash
# The benchmark run of issue 7, in one command: builds Release, runs the suite
# (every platform: fast and reference mappers against the skip floor and the
# baselines; bench/suite_table.py prints it), generates a large Shopify dump, times `ordernorm convert` on it and
# on a small one (wall time, peak RSS), and prints a markdown table.
#
#   bench/run_benchmarks.sh
#   SIZE=10M SMALL=1M REPS=1 bench/run_benchmarks.sh        # a quick check (CI)
#
# Settings (environment):
#   BUILD_DIR   Release build directory (default: build-rel)
#   OUT         results directory (default: $BUILD_DIR/bench-results): suite.json,
#               convert.tsv, table.md
#   DATA_DIR    where the dumps go (default: $BUILD_DIR/bench-data); a dump is
#               generated once per size and seed (the generator is deterministic)
#   SIZE        the large dump (default 1G); SMALL the small one (default 100M)
#   MIX=1       also a mixed dump (every platform in turn) of SIZE, --from auto
#   SEED        the generator seed (default 42)
#   DATA_BYTES  suite data per platform (default 20M); REPS repetitions (default 5)
#   PLATFORMS   suite platforms, comma-separated (default: every one with a generator)
#   RUNS        convert runs per dump, the median is reported (default 3)
#   JOBS        build parallelism (default 2)
#   TABLE_ONLY=1  print the table from the results already in OUT, run nothing
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$root/build-rel}
case $BUILD_DIR in /*) ;; *) BUILD_DIR=$root/$BUILD_DIR ;; esac
OUT=${OUT:-$BUILD_DIR/bench-results}
DATA_DIR=${DATA_DIR:-$BUILD_DIR/bench-data}
SIZE=${SIZE:-1G}
SMALL=${SMALL:-100M}
MIX=${MIX:-0}
SEED=${SEED:-42}
DATA_BYTES=${DATA_BYTES:-20M}
REPS=${REPS:-5}
PLATFORMS=${PLATFORMS:-}
RUNS=${RUNS:-3}
JOBS=${JOBS:-2}

say() { printf '== %s\n' "$*" >&2; }

if [[ ${TABLE_ONLY:-0} != 1 ]]; then

# Release only: simdjson On-Demand is ~2.6x slower without NDEBUG.
if [[ -f $BUILD_DIR/CMakeCache.txt ]]; then
  type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD_DIR/CMakeCache.txt")
  [[ $type == Release ]] || { echo "$BUILD_DIR is a '$type' build, not Release" >&2; exit 2; }
  cmake -B "$BUILD_DIR" -DORDERNORM_BUILD_BENCH=ON >&2  # off by default
else
  cmake -S "$root" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DORDERNORM_BUILD_BENCH=ON >&2
fi
say "building in $BUILD_DIR"
cmake --build "$BUILD_DIR" -j"$JOBS" --target ordernorm_bench ordernorm_gen ordernorm_cli >&2
bench=$BUILD_DIR/bench/ordernorm_bench
gen=$BUILD_DIR/bench/ordernorm_gen
cli=$BUILD_DIR/src/ordernorm
mkdir -p "$OUT" "$DATA_DIR"

say "suite: $DATA_BYTES per platform, $REPS repetitions"
# Repetitions interleaved at random: on a shared machine the load drifts, and
# this spreads the drift over every benchmark instead of a few.
suite_args=(--benchmark_repetitions="$REPS" --benchmark_report_aggregates_only=true
  --benchmark_enable_random_interleaving=true
  --benchmark_out="$OUT/suite.json" --benchmark_out_format=json
  --data_bytes="$DATA_BYTES" --data_seed="$SEED")
[[ -n $PLATFORMS ]] && suite_args+=(--platforms="$PLATFORMS")
"$bench" "${suite_args[@]}" >&2

# dump PLATFORM SIZE: the path of that dump, generated if missing.
dump() {
  local f=$DATA_DIR/$1-$2-seed$SEED.ndjson
  if [[ ! -s $f ]]; then
    say "generating $f"
    "$gen" --platform "$1" --bytes "$2" --seed "$SEED" -o "$f.part" >&2
    mv "$f.part" "$f"
  fi
  printf '%s\n' "$f"
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# convert LABEL FROM FILE: RUNS runs of `ordernorm convert` into /dev/null
# under /usr/bin/time -v, single thread; one row of convert.tsv with the
# median wall time, the median CPU time (user + system: what the wall time
# would be on an idle machine), the largest peak RSS and the CLI's summary.
convert() {
  local label=$1 from=$2 file=$3 log=$OUT/convert-$1.log
  local walls=() cpus=() rss=0 summary=""
  : >"$log"
  for ((i = 0; i < RUNS; ++i)); do
    local err
    err=$(mktemp)
    if ! /usr/bin/time -v "$cli" convert --from "$from" -o /dev/null "$file" 2>"$err"; then
      cat "$err" >&2
      echo "ordernorm convert failed (rejects or an error) on $file" >&2
      exit 1
    fi
    cat "$err" >>"$log"
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0; for (k = 1; k <= n; ++k) s = s * 60 + p[k]; print s }' "$err")")
    cpus+=("$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {print s}' "$err")")
    local r
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$err")
    ((r > rss)) && rss=$r
    summary=$(grep '^ordernorm: .* records' "$err" || true)
    rm -f "$err"
  done
  local wall cpu
  wall=$(median "${walls[@]}")
  cpu=$(median "${cpus[@]}")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$from" "$(stat -c %s "$file")" "$wall" "$cpu" \
    "$rss" "$summary" >>"$OUT/convert.tsv"
  say "convert $label: median wall ${wall}s, CPU ${cpu}s, peak RSS ${rss} KiB; $summary"
}

printf 'dump\tfrom\tbytes\twall_s\tcpu_s\tmax_rss_kib\tsummary\n' >"$OUT/convert.tsv"
large=$(dump shopify "$SIZE")
small=$(dump shopify "$SMALL")
convert "shopify-$SIZE" shopify "$large"
convert "shopify-$SMALL" shopify "$small"
if [[ $MIX == 1 ]]; then
  mix=$(dump all "$SIZE")
  convert "all-$SIZE" auto "$mix"
fi
fi

{
python3 "$root/bench/suite_table.py" "$OUT/suite.json"
echo
python3 - "$OUT/convert.tsv" <<'EOF'
# The end-to-end runs.
import csv, sys

print("End to end: `ordernorm convert --from F FILE -o /dev/null`, single thread, "
      "/usr/bin/time -v; medians of the wall and CPU (user + system) times, largest peak RSS.")
print()
print("| dump | --from | size MB | wall s | MB/s (wall) | CPU s | MB/s (CPU) | peak RSS MiB "
      "| records |")
print("|---|---|---:|---:|---:|---:|---:|---:|---|")
rate = lambda n, t: n / 1e6 / t if t else float("nan")
for row in csv.DictReader(open(sys.argv[1]), delimiter="\t"):
    size, wall, cpu = int(row["bytes"]), float(row["wall_s"]), float(row["cpu_s"])
    rss = int(row["max_rss_kib"])
    print(f"| {row['dump']} | {row['from']} | {size / 1e6:,.0f} | {wall:.2f} "
          f"| {rate(size, wall):,.0f} | {cpu:.2f} | {rate(size, cpu):,.0f} | {rss / 1024:.1f} "
          f"| {row['summary'].removeprefix('ordernorm: ')} |")
EOF
} | tee "$OUT/table.md"

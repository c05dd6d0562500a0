#!/usr/bin/env bash
# Issue 14 items 3, 4 and 8, in one run, side by side (hyperfine): converting
# a .gz dump against `igzip -d -c dump.gz > /dev/null` (the decompression
# limit), a .zst dump against `zstd -d -c > /dev/null`, and a pipe
# (`cat dump | ordernorm convert -`, `igzip -d -c dump.gz | ordernorm convert -`)
# against the plain file (mapped). Prints a table: mean wall time and CPU
# (user + system) per command, and the ratios the issue sets targets for
# (gz, zst <= 1.25x their decompression; pipe <= 1.10x the file).
#
#   bench/input_bench.sh                         # build-rel, 1 GB Shopify dump
#   SIZE=100M RUNS=3 bench/input_bench.sh
#
# Settings (environment): BUILD_DIR (default build-rel), DATA_DIR (default
# $BUILD_DIR/bench-data), SIZE (1G), SEED (42), RUNS (5), JOBS (2), OUT
# (default $BUILD_DIR/bench-results: input.json, input.md).
# Needs hyperfine, igzip (Debian's isal) and zstd.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$root/build-rel}
case $BUILD_DIR in /*) ;; *) BUILD_DIR=$root/$BUILD_DIR ;; esac
DATA_DIR=${DATA_DIR:-$BUILD_DIR/bench-data}
OUT=${OUT:-$BUILD_DIR/bench-results}
SIZE=${SIZE:-1G}
SEED=${SEED:-42}
RUNS=${RUNS:-5}
JOBS=${JOBS:-2}

say() { printf '== %s\n' "$*" >&2; }
for tool in hyperfine igzip zstd python3; do
  command -v "$tool" >/dev/null || { echo "input_bench.sh needs $tool" >&2; exit 2; }
done

if [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
  cmake -S "$root" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DORDERNORM_BUILD_BENCH=ON >&2
fi
cmake --build "$BUILD_DIR" -j"$JOBS" --target ordernorm_gen ordernorm_cli >&2
gen=$BUILD_DIR/bench/ordernorm_gen
cli=$BUILD_DIR/src/ordernorm
mkdir -p "$OUT" "$DATA_DIR"

dump=$DATA_DIR/shopify-$SIZE-seed$SEED.ndjson
if [[ ! -f $dump ]]; then
  say "generating $dump"
  "$gen" --platform shopify --bytes "$SIZE" --seed "$SEED" -o "$dump.part" >&2
  mv "$dump.part" "$dump"
fi
# Compressed as people ship dumps: gzip's default level (igzip's -3 is
# about as small), zstd's default level.
[[ -f $dump.gz ]] || { say "igzip -3 $dump"; igzip -3 -c "$dump" > "$dump.gz.part" && mv "$dump.gz.part" "$dump.gz"; }
[[ -f $dump.zst ]] || { say "zstd -3 $dump"; zstd -q -3 -c "$dump" > "$dump.zst.part" && mv "$dump.zst.part" "$dump.zst"; }

convert="$cli convert --from shopify -q -o /dev/null"
say "hyperfine, $RUNS runs each"
hyperfine --warmup 1 --runs "$RUNS" --export-json "$OUT/input.json" \
  -n file "$convert $dump" \
  -n pipe "cat $dump | $convert -" \
  -n gz "$convert $dump.gz" \
  -n igzip "igzip -d -c $dump.gz > /dev/null" \
  -n igzip-pipe "igzip -d -c $dump.gz | $convert -" \
  -n zst "$convert $dump.zst" \
  -n zstd "zstd -d -c $dump.zst > /dev/null" >&2

python3 - "$OUT/input.json" > "$OUT/input.md" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
def wall(n): return r[n]["mean"]
def cpu(n): return r[n]["user"] + r[n]["system"]
print("| command | wall (s) | CPU (s) |")
print("|---|---:|---:|")
for n in r: print(f"| {n} | {wall(n):.3f} | {cpu(n):.3f} |")
print()
print("| ratio | wall | target |")
print("|---|---:|---:|")
for a, b, t in (("gz", "igzip", 1.25), ("zst", "zstd", 1.25), ("pipe", "file", 1.10),
                ("igzip-pipe", "igzip", None)):
    print(f"| {a} / {b} | {wall(a) / wall(b):.2f} | {t if t else ''} |")
PY
cat "$OUT/input.md"

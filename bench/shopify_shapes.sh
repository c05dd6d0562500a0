#!/usr/bin/env bash
# Issue 15's figures, end to end: `ordernorm convert --from shopify` on one
# seed's Shopify orders in four shapes (Admin REST NDJSON, GraphQL query
# pages, a Bulk Operation export grouped and interleaved), peak RSS and
# throughput at -j 1 and -j 2, each shape's orders/s against REST's on the
# same orders (target: within 20%), and the reader alone on the bulk files,
# stitching on and off, so that what stitching costs the one reading thread
# is a figure of its own. Prints a markdown table (OUT/shapes.md).
#
#   bench/shopify_shapes.sh                       # 1 GB export: ~4 min on 2 cores once generated (scaled from 200M)
#   DATA=/work/data bench/shopify_shapes.sh       # files already there (below)
#   SIZE=20M bench/shopify_shapes.sh              # a quick check
#
# Nothing is timed before every shape has been checked: each converts with
# exit status 0 and "N records: N converted, 0 rejected" (N = the REST
# file's orders), at -j 2 to the bytes of -j 1, to REST's orders once the
# raw status fields (orderStatusRaw, paymentStatusRaw, fulfillmentStatusRaw,
# shipments[].statusRaw: each API's own spelling) are nulled (sha256 of the
# normalized output), and interleaved to grouped's bytes exactly; the bulk
# files read through ordernorm_read as N stitched orders. Otherwise it stops
# with status 1, naming every failure and the first order that differs.
# Until the GraphQL mapping is on main it stops there: the REST mapping
# reads a GraphQL order without rejecting it, into an order of nulls.
#
# Settings (environment):
#   BUILD_DIR  Release build directory (default build-rel); built here:
#              ordernorm_cli, ordernorm_gen, ordernorm_read
#   DATA       a directory holding sb.grouped.jsonl, sb.interleaved.jsonl,
#              sb.graphql.ndjson and sb.rest.ndjson, one seed's orders (as
#              generated below), used as they are; sb.orders (N) if present.
#              Default: generated into $BUILD_DIR/bench-data/shopify-shapes-SIZE-seedSEED:
#              `ordernorm_gen --platform shopify-bulk --bytes SIZE`, and the same
#              N orders (--orders N) interleaved, as GraphQL pages and as REST
#   SIZE       the grouped export's size (default 1G; REST holds ~3.3x its bytes)
#   SEED       the generator seed (default 42)
#   RUNS       hyperfine runs per command, after one warm-up run (default 3)
#   SHAPES     shapes to check and time (default "graphql grouped interleaved");
#              rest is always there, as the reference
#   SECTIONS   "convert reader" (default): convert = the CLI at -j 1 and -j 2 and
#              peak RSS; reader = ordernorm_read on the bulk files
#   OUT        results directory (default $BUILD_DIR/results-shapes)
#   JOBS       build parallelism (default 2)
# Times are hyperfine's (wall: mean; CPU: user + system, mean), one shape at
# a time, each file read once into the page cache first. On a shared machine
# compare CPU times and ratios within one run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$root/build-rel}
case $BUILD_DIR in /*) ;; *) BUILD_DIR=$root/$BUILD_DIR ;; esac
SIZE=${SIZE:-1G}
SEED=${SEED:-42}
RUNS=${RUNS:-3}
SHAPES=${SHAPES:-graphql grouped interleaved}
SECTIONS=${SECTIONS:-convert reader}
OUT=${OUT:-$BUILD_DIR/results-shapes}
JOBS=${JOBS:-2}
python=/usr/bin/python3

started=$(date +%s)
say() { printf '== [%4ss] %s\n' "$(($(date +%s) - started))" "$*" >&2; }
die() {
  printf 'shopify_shapes.sh: %s\n' "$*" >&2
  exit 1
}
section() { [[ " $SECTIONS " == *" $1 "* ]]; }

for tool in hyperfine sha256sum; do
  command -v "$tool" >/dev/null || die "needs $tool"
done
[[ -x /usr/bin/time ]] || die "needs /usr/bin/time (Debian: time)"
[[ -x $python ]] || die "needs $python"
for s in $SHAPES; do
  case $s in rest | graphql | grouped | interleaved) ;; *) die "SHAPES: unknown shape '$s'" ;; esac
done
for s in $SECTIONS; do
  case $s in convert | reader) ;; *) die "SECTIONS: unknown section '$s'" ;; esac
done
# REST first: the reference every other shape is checked and compared against.
shapes=(rest)
for s in graphql grouped interleaved; do
  [[ " $SHAPES " == *" $s "* ]] && shapes+=("$s")
done
bulk=()
for s in grouped interleaved; do
  [[ " ${shapes[*]} " == *" $s "* ]] && bulk+=("$s")
done

# ---------------------------------------------------------------------------
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
cmake --build "$BUILD_DIR" -j"$JOBS" --target ordernorm_cli ordernorm_gen ordernorm_read >&2
cli=$BUILD_DIR/src/ordernorm
gen=$BUILD_DIR/bench/ordernorm_gen
reader=$BUILD_DIR/bench/ordernorm_read
mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.err "$OUT"/*.sums "$OUT"/*.txt "$OUT"/head-*.ndjson "$OUT"/shapes.md

# ---------------------------------------------------------------------------
declare -A file=([rest]=sb.rest.ndjson [graphql]=sb.graphql.ndjson [grouped]=sb.grouped.jsonl
  [interleaved]=sb.interleaved.jsonl)
seed_note="seed $SEED"
if [[ -n ${DATA:-} ]]; then
  [[ -d $DATA ]] || die "DATA: no directory $DATA"
  seed_note="as generated into $DATA"
else
  DATA=$BUILD_DIR/bench-data/shopify-shapes-$SIZE-seed$SEED
  if [[ ! -s $DATA/sb.orders ]]; then
    # sb.orders last: it marks a complete set.
    mkdir -p "$DATA"
    say "generating $DATA: a $SIZE bulk export (grouped), then its orders in the other shapes"
    "$gen" --platform shopify-bulk --bytes "$SIZE" --seed "$SEED" -o "$DATA/sb.grouped.jsonl" \
      2>"$DATA/gen.err" || die "ordernorm_gen failed: $(cat "$DATA/gen.err")"
    n=$(sed -n 's/^ordernorm_gen: \([0-9]*\) orders.*/\1/p' "$DATA/gen.err")
    [[ -n $n ]] || die "ordernorm_gen said no order count: $(cat "$DATA/gen.err")"
    "$gen" --platform shopify-bulk --bulk-layout interleaved --orders "$n" --seed "$SEED" \
      -o "$DATA/sb.interleaved.jsonl" 2>/dev/null
    "$gen" --platform shopify-graphql --orders "$n" --seed "$SEED" -o "$DATA/sb.graphql.ndjson" \
      2>/dev/null
    "$gen" --platform shopify --orders "$n" --seed "$SEED" -o "$DATA/sb.rest.ndjson" 2>/dev/null
    printf '%s\n' "$n" >"$DATA/sb.orders"
  fi
fi
for s in "${shapes[@]}"; do
  [[ -s $DATA/${file[$s]} ]] || die "DATA: no $DATA/${file[$s]}"
done
# N: REST holds one order a line.
if [[ -s $DATA/sb.orders ]]; then
  orders=$(cat "$DATA/sb.orders")
else
  say "counting the orders: the lines of ${file[rest]}"
  orders=$(wc -l <"$DATA/${file[rest]}")
fi
say "$orders orders ($seed_note) in $DATA"

# Reads a file once, so that the runs after it start from the page cache.
warm() { cat "$DATA/${file[$1]}" >/dev/null; }

# ---------------------------------------------------------------------------
# The checks. Every failure is collected and printed before stopping, so that
# one run tells all that is wrong.
failures=()
fail() { failures+=("$*"); }

# Reads ordernorm's output on standard input; prints the sha256 of its bytes,
# the sha256 with the raw status fields nulled, and its lines; writes the
# first 20 normalized lines to argv[1] to show a difference. The fields are
# nulled by a pattern, not by parsing (a GB of output would take minutes in
# Python): the writer's keys are fixed ASCII and only these four are named so
# (ordernorm/model.hpp), their values are strings or null, and a key is a key
# when '{' or ',' precedes its quote (inside a string a quote is escaped).
# Checked against nulling by parsing on 9,432 REST orders.
cat >"$OUT/normalize.py" <<'EOF'
import hashlib, re, sys

RAW = re.compile(rb'([{,]"(?:orderStatusRaw|paymentStatusRaw|fulfillmentStatusRaw|statusRaw)":)'
                 rb'(?:null|"(?:[^"\\]|\\.)*")')
raw, norm, lines, head = hashlib.sha256(), hashlib.sha256(), 0, []
src = sys.stdin.buffer
while True:
    chunk = src.read(1 << 22)
    if not chunk:
        break
    chunk += src.readline()  # whole lines
    raw.update(chunk)
    blanked = RAW.sub(rb"\1null", chunk)
    norm.update(blanked)
    lines += chunk.count(b"\n")
    if len(head) < 20:
        head += blanked.split(b"\n")[: 20 - len(head)]
open(sys.argv[1], "wb").write(b"\n".join(head) + b"\n")
print(raw.hexdigest(), norm.hexdigest(), lines)
EOF

# "" if the CLI's summary (in ERRFILE) says every one of the N records
# converted, else what it says, and its first reject.
summary_problem() {
  local said
  said=$(grep -o '[0-9]* records: [0-9]* converted, [0-9]* rejected' "$1" | tail -1 || true)
  [[ $said == "$orders records: $orders converted, 0 rejected" ]] && return 0
  printf '%s' "${said:-no summary}; want $orders records: $orders converted, 0 rejected"
  if grep -q ': record [0-9]* (byte' "$1"; then
    printf '; first reject: %s' "$(grep -m1 ': record [0-9]* (byte' "$1" | cut -c1-300)"
  fi
}

declare -A raw_sum norm_sum
check_convert() {
  local s=$1 f=$DATA/${file[$1]} status problem sums
  warm "$s"
  say "check: $s at -j 1"
  set +e
  "$cli" convert --from shopify --jobs 1 "$f" 2>"$OUT/check-$s-j1.err" |
    "$python" "$OUT/normalize.py" "$OUT/head-$s.ndjson" >"$OUT/check-$s-j1.sums"
  status=("${PIPESTATUS[@]}")
  set -e
  ((status[1] == 0)) || die "$s: the output check itself failed (python: status ${status[1]})"
  read -r "raw_sum[$s]" "norm_sum[$s]" _ <"$OUT/check-$s-j1.sums"
  problem=$(summary_problem "$OUT/check-$s-j1.err")
  if ((status[0] != 0)) || [[ -n $problem ]]; then
    fail "$s (-j 1): exit status ${status[0]}; ${problem:-the summary is right}"
  fi
  say "check: $s at -j 2"
  set +e
  sums=$("$cli" convert --from shopify --jobs 2 "$f" 2>"$OUT/check-$s-j2.err" | sha256sum)
  status=("${PIPESTATUS[@]}")
  set -e
  problem=$(summary_problem "$OUT/check-$s-j2.err")
  if ((status[0] != 0)) || [[ -n $problem ]]; then
    fail "$s (-j 2): exit status ${status[0]}; ${problem:-the summary is right}"
  elif [[ ${sums%% *} != "${raw_sum[$s]}" ]]; then
    fail "$s: -j 2 writes other bytes than -j 1"
  fi
}

# The first of the head lines where SHAPE's normalized output and REST's
# differ, to show.
first_difference() {
  "$python" - "$OUT/head-$1.ndjson" "$OUT/head-rest.ndjson" "$1" <<'EOF'
import sys
a, b = (open(p, "rb").read().split(b"\n") for p in sys.argv[1:3])
for i, (x, y) in enumerate(zip(a, b)):
    if x != y:
        cut = lambda s: s[:400].decode("utf-8", "replace") + ("..." if len(s) > 400 else "")
        print(f"order {i + 1} differs (raw statuses nulled):\n    {sys.argv[3]}: {cut(x)}\n    rest: {cut(y)}")
        break
else:
    print(f"the first {len(a) - 1} orders agree; a later one differs")
EOF
}

check_reader() {
  local s=$1 f=$DATA/${file[$1]} got
  warm "$s"
  say "check: ordernorm_read on $s"
  if ! got=$("$reader" "$f" 2>"$OUT/check-read-$s.err"); then
    fail "$s: ordernorm_read failed: $(head -3 "$OUT/check-read-$s.err")"
  elif [[ ${got%% documents*} != "$orders" ]]; then
    fail "$s: ordernorm_read stitched ${got%% documents*} orders, not $orders"
  fi
  "$reader" --no-stitch "$f" >/dev/null 2>"$OUT/check-read-$s-lines.err" ||
    fail "$s: ordernorm_read --no-stitch failed: $(head -3 "$OUT/check-read-$s-lines.err")"
}

if section convert; then
  for s in "${shapes[@]}"; do check_convert "$s"; done
  for s in "${shapes[@]}"; do
    [[ $s == rest || -z ${norm_sum[$s]:-} ]] && continue
    [[ ${norm_sum[$s]} == "${norm_sum[rest]}" ]] && continue
    fail "$s: not REST's orders: $(first_difference "$s")"
  done
  if [[ -n ${raw_sum[grouped]:-} && -n ${raw_sum[interleaved]:-} &&
    ${raw_sum[grouped]} != "${raw_sum[interleaved]}" ]]; then
    fail "interleaved: other bytes than grouped (raw statuses included; the same API)"
  fi
fi
if section reader; then
  for s in "${bulk[@]}"; do check_reader "$s"; done
fi
if ((${#failures[@]})); then
  printf '\nshopify_shapes.sh: NOTHING TIMED: %d checks failed:\n' "${#failures[@]}" >&2
  for f in "${failures[@]}"; do printf -- '- %s\n' "$f" >&2; done
  printf '(Until the Shopify GraphQL mapping is on main, GraphQL and bulk orders are not REST'"'"'s.)\n' >&2
  exit 1
fi

# ---------------------------------------------------------------------------
# hf NAME CMD...: hyperfine, RUNS runs after one warm-up, results to NAME.json.
hf() {
  local name=$1
  shift
  hyperfine --style basic --runs "$RUNS" --warmup 1 --export-json "$OUT/$name.json" "$@" >&2
}
q() { printf '%q' "$1"; }

for s in "${shapes[@]}"; do
  f=$(q "$DATA/${file[$s]}")
  if section convert; then
    warm "$s"
    say "time: $s, -j 1 and -j 2"
    # hyperfine 1.15 takes '-j 1' in a command name for its own flag.
    hf "convert-$s" -n "jobs 1" "$(q "$cli") convert --from shopify --jobs 1 -o /dev/null $f" \
      -n "jobs 2" "$(q "$cli") convert --from shopify --jobs 2 -o /dev/null $f"
    for j in 1 2; do
      /usr/bin/time -f %M -o "$OUT/rss-$s-j$j.txt" "$cli" convert --from shopify --jobs "$j" \
        -o /dev/null "$DATA/${file[$s]}" 2>/dev/null
    done
  fi
  if section reader && [[ " ${bulk[*]} " == *" $s "* ]]; then
    warm "$s"
    say "time: ordernorm_read on $s, stitching on and off"
    hf "reader-$s" -n "stitching on" "$(q "$reader") $f" \
      -n "stitching off" "$(q "$reader") --no-stitch $f"
  fi
done

# ---------------------------------------------------------------------------
say "table"
sizes=()
for s in "${shapes[@]}"; do sizes+=("$s=$(stat -c %s "$DATA/${file[$s]}")"); done
"$python" - "$OUT" "$orders" "$seed_note" "$RUNS" "$(git -C "$root" rev-parse --short HEAD)" \
  "$(($(date +%s) - started))" "$SECTIONS" "${sizes[@]}" <<'EOF' | tee "$OUT/shapes.md"
import json, os, sys

out, orders, seed, runs, commit, elapsed, sections = sys.argv[1:8]
orders = int(orders)
sizes = dict(a.split("=") for a in sys.argv[8:])
sizes = {k: int(v) for k, v in sizes.items()}
names = {"rest": "REST (NDJSON)", "graphql": "GraphQL pages", "grouped": "bulk, grouped",
         "interleaved": "bulk, interleaved"}
TARGET = 0.80


def hf(name):
    path = os.path.join(out, name + ".json")
    if not os.path.exists(path):
        return None
    return {r["command"]: r for r in json.load(open(path))["results"]}


def cpu(r):
    return r["user"] + r["system"]


def rss(s, j):
    path = os.path.join(out, f"rss-{s}-j{j}.txt")
    return int(open(path).read().split()[-1]) / 1024 if os.path.exists(path) else float("nan")


print(f"Commit `{commit}`; {os.cpu_count()} cores; load average before the table: "
      f"{open('/proc/loadavg').read().split()[0]}; this run took {int(elapsed) // 60} min "
      f"{int(elapsed) % 60} s. `ordernorm convert --from shopify -o /dev/null` on {orders:,} "
      f"Shopify orders ({seed}) in each shape; hyperfine, mean of {runs} runs after a "
      "warm-up, the file in the page cache; CPU = user + system; MB = 10^6 bytes.", end=" ")
if "convert" in sections.split():
    print("Every output was checked first: no reject, -j 2 = -j 1 byte for byte, and REST's "
          "orders once the raw status fields are nulled (interleaved = grouped byte for byte).")
else:
    print("The bulk files were checked first: `ordernorm_read` stitches every order.")
print()
if "convert" in sections.split():
    t = {s: hf(f"convert-{s}") for s in sizes}
    rest = t["rest"]
    print("| shape | MB | orders | wall s -j 1 | wall s -j 2 | MB/s -j 1 / -j 2 "
          "| orders/s -j 1 / -j 2 | CPU s -j 1 / -j 2 | peak RSS MiB -j 1 / -j 2 "
          "| **orders/s vs REST's** -j 1 / -j 2 (wall) | by CPU -j 1 "
          f"| target (>= {TARGET:.0%} of REST's) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for s, r in t.items():
        a, b = r["jobs 1"], r["jobs 2"]
        mb = sizes[s] / 1e6
        # Same orders: the orders/s ratio is REST's time over the shape's.
        v1, v2 = rest["jobs 1"]["mean"] / a["mean"], rest["jobs 2"]["mean"] / b["mean"]
        vc = cpu(rest["jobs 1"]) / cpu(a)
        if s == "rest":
            verdict = "(the reference)"
        else:
            verdict = ", ".join(f"{'met' if v >= TARGET else '**missed**'} at -j {j}"
                                for j, v in ((1, v1), (2, v2)))
        print(f"| {names[s]} | {mb:,.0f} | {orders:,} | {a['mean']:.3f} ± {a['stddev'] or 0:.3f} "
              f"| {b['mean']:.3f} ± {b['stddev'] or 0:.3f} | {mb / a['mean']:,.0f} / {mb / b['mean']:,.0f} "
              f"| {orders / a['mean']:,.0f} / {orders / b['mean']:,.0f} | {cpu(a):.3f} / {cpu(b):.3f} "
              f"| {rss(s, 1):,.1f} / {rss(s, 2):,.1f} | **{v1:.0%}** / **{v2:.0%}** | {vc:.0%} "
              f"| {verdict} |")
    print()
    print("Peak RSS: `/usr/bin/time -f %M`, one run each. A bulk export is read twice (the "
          "first pass notes the children that come late); its orders/s counts both passes.")
    print()
if "reader" in sections.split():
    bulk = [s for s in ("grouped", "interleaved") if s in sizes]
    if not bulk:
        print("The reader alone: no bulk export in SHAPES.")
        sys.exit(0)
    print("The reader alone (`ordernorm_read`, no converter): in the CLI the one reading "
          "thread does this at any `-j`, so with stitching on it bounds the wall time from below.")
    print()
    print("| bulk export | MB | stitching on: wall s | CPU s | MB/s | orders/s "
          "| stitching off (its lines): wall s | MB/s | **stitching's serial cost** s (on − off) "
          "| convert -j 2 wall s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in bulk:
        r = hf(f"reader-{s}")
        on, off = r["stitching on"], r["stitching off"]
        mb = sizes[s] / 1e6
        conv = hf(f"convert-{s}")
        j2 = f"{conv['jobs 2']['mean']:.3f}" if conv else "–"
        print(f"| {s} | {mb:,.0f} | {on['mean']:.3f} | {cpu(on):.3f} | {mb / on['mean']:,.0f} "
              f"| {orders / on['mean']:,.0f} | {off['mean']:.3f} | {mb / off['mean']:,.0f} "
              f"| **{on['mean'] - off['mean']:.3f}** | {j2} |")
    print()
    print("Stitching on: both passes (the first notes the late children) and every order "
          "stitched and handed over; off: the lines, one pass over the mapped file.")
EOF
say "done: $OUT/shapes.md"

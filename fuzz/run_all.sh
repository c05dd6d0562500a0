#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each on its seed corpus (CI: 20 s), or,
# with --no-corpus, from nothing: no seeds, no dictionary, an empty corpus
# that is thrown away after the run (CI: 12 s each, in an optimised build),
# so that the fuzzers also reach what the seeds steer them away from.
# A crash, a leak, a timeout or a broken invariant stops the script with a
# non-zero status; the input is left in BUILD_DIR/fuzz-artifacts/.
#   fuzz/run_all.sh [--no-corpus] [BUILD_DIR] [SECONDS] [target...]
# FUZZ_ARGS adds libFuzzer flags (e.g. FUZZ_ARGS="-fork=1 -ignore_crashes=1"
# to keep going after a crash and collect every one).
set -euo pipefail
no_corpus=0
if [ "${1:-}" = "--no-corpus" ]; then
  no_corpus=1
  shift
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build-fuzz}" && pwd)"
seconds="${2:-20}"
shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then mapfile -t targets < "$build/fuzz/fuzzers.txt"; fi

if [ "$no_corpus" -eq 0 ]; then
  [ -d "$build/corpus" ] || "$root/fuzz/make_corpus.sh" "$build"
fi
mkdir -p "$build/fuzz-artifacts"

dict_for() {
  case "$1" in
    fuzz_money) echo "$root/fuzz/dict/money.dict" ;;
    fuzz_timestamp) echo "$root/fuzz/dict/timestamp.dict" ;;
    fuzz_derive) ;;
    fuzz_track) echo "$root/fuzz/dict/tracking.dict" ;;
    fuzz_convert | fuzz_differential | fuzz_splitter | fuzz_streamed_list | fuzz_pipeline \
    | fuzz_strict | fuzz_bulk_export | fuzz_ndjson_parts)
      echo "$build/dict/all.dict" ;;
    *) if [ -f "$root/fuzz/dict/${1#fuzz_}.dict" ]; then echo "$root/fuzz/dict/${1#fuzz_}.dict"; fi ;;
  esac
}

for t in "${targets[@]}"; do
  [ -n "$t" ] || continue
  args=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1
        -artifact_prefix="$build/fuzz-artifacts/$t-")
  if [ "$no_corpus" -eq 1 ]; then
    work="$build/corpus-empty/$t"  # starts empty every run
    rm -rf "$work"
    mkdir -p "$work"
    dirs=("$work")
  else
    work="$build/corpus-work/$t"  # new inputs go here; the seeds stay as generated
    mkdir -p "$work" "$build/corpus/$t"
    dirs=("$work" "$build/corpus/$t")
    dict="$(dict_for "$t")"
    if [ -n "$dict" ]; then args+=(-dict="$dict"); fi
  fi
  # shellcheck disable=SC2206  # split on purpose: several flags
  args+=(${FUZZ_ARGS:-})
  echo "== $t (${seconds}s$([ "$no_corpus" -eq 1 ] && echo ', no corpus, no dictionary'))"
  log="$build/fuzz-artifacts/$t.log"
  status=0
  "$build/fuzz/$t" "${args[@]}" "${dirs[@]}" > "$log" 2>&1 || status=$?
  grep -E '^(#[0-9]+[[:space:]]+DONE|stat::|Done )' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log"
    echo "FAILED: $t exited with $status; the input is in $build/fuzz-artifacts/"
    exit 1
  fi
done
echo "== every fuzz target ran ${seconds}s without a crash"

#!/usr/bin/env bash
# Builds the seed corpora: BUILD_DIR/corpus/<target>/ from the golden test
# inputs (tests/golden/) and the public payloads in ../shared/conformance/,
# plus BUILD_DIR/dict/all.dict (every platform's keys, for the targets that
# see every platform). Generated, not committed.
#   fuzz/make_corpus.sh [BUILD_DIR]     (default: build-fuzz)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build-fuzz}" && pwd)"
shared="$root/../shared/conformance"
corpus="$build/corpus"
# The order platforms, from the registry's lines (src/registry.hpp).
mapfile -t platforms < <(sed -nE 's/^ *ORDER(_WITH_SHIPMENTS)?\(([a-z0-9_]+)\).*/\2/p' "$root/src/registry.hpp")

rm -rf "$corpus"
mkdir -p "$corpus" "$build/dict"

# add TARGET FILE...: copies each file under its content hash (dedups).
add() {
  local target="$1"
  shift
  mkdir -p "$corpus/$target"
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    cp "$f" "$corpus/$target/$(sha1sum "$f" | cut -c1-16)"
  done
}

# add_text TARGET: each line of standard input becomes one seed.
add_text() {
  local target="$1" line
  mkdir -p "$corpus/$target"
  while IFS= read -r line; do
    printf '%s' "$line" > "$corpus/$target/$(printf '%s' "$line" | sha1sum | cut -c1-16)"
  done
}

all_inputs=()
for p in "${platforms[@]}"; do
  inputs=()
  for f in "$root"/tests/golden/"$p"/*.json "$shared"/"$p"/*.json; do
    [ -f "$f" ] && [[ "$f" != *.expected.* ]] && inputs+=("$f")
  done
  add "fuzz_$p" "${inputs[@]}"
  all_inputs+=("${inputs[@]}")
done
for t in fuzz_convert fuzz_differential fuzz_splitter fuzz_pipeline fuzz_strict; do add "$t" "${all_inputs[@]}"; done
# NDJSON in parts: NDJSON inputs (a pretty document is no NDJSON: not checked).
add fuzz_ndjson_parts "$root"/examples/*.ndjson "$root"/tests/golden/*/*.jsonl "$root"/tests/golden/*/*.ndjson
# The tracker: tracking responses (golden and public) and Malomo orders.
add fuzz_track "$root"/tests/golden_tracking/*/*.json "$shared"/tracking/*.json \
  "$root"/tests/golden/malomo/*.json

# The value scanner: a count byte and that many piece sizes (used in turn),
# then the text. One seed of glued and spaced values with backslash runs and
# brackets in strings, in pieces of 1, 63 and 64 bytes; one of two orders in
# pieces of 7 and 64.
mkdir -p "$corpus/fuzz_value_scanner"
printf '\x03\x01\x3f\x40{"a":"\\\\\\"}[", "b":[1,{"c":"\\\\"}]}  "s\\"t" -12.5e3 true[]{}\n%s"%s\\"]" {}}]\n' \
  '[{"k":' "$(printf '%060d' 0)" > "$corpus/fuzz_value_scanner/blocks"
if [ ${#all_inputs[@]} -gt 0 ]; then
  { printf '\x02\x07\x40'; cat "${all_inputs[@]:0:2}"; } > "$corpus/fuzz_value_scanner/orders"
fi

# NDJSON seeds for the reader: several orders, one per line (needs python3;
# skipped without it).
if command -v python3 >/dev/null; then
  python3 - "$corpus" "${all_inputs[@]}" <<'PY'
import hashlib, json, os, sys
out, files = sys.argv[1], sys.argv[2:]
docs = []
for f in files:
    try:
        docs.append(json.dumps(json.load(open(f, encoding="utf-8")), ensure_ascii=False))
    except Exception:
        pass
for i in range(0, len(docs), 3):
    text = ("\n".join(docs[i:i + 3]) + "\n").encode()
    if i % 2:
        text = b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n")
    name = hashlib.sha1(text).hexdigest()[:16]
    for t in ("fuzz_convert", "fuzz_splitter", "fuzz_pipeline"):
        open(os.path.join(out, t, name), "wb").write(text)
    # fuzz_streamed_list: a shape byte, then elements split at 0x1F.
    os.makedirs(os.path.join(out, "fuzz_streamed_list"), exist_ok=True)
    elements = bytes([i % 4]) + b"\x1f".join(d.encode() for d in docs[i:i + 3])
    open(os.path.join(out, "fuzz_streamed_list", name), "wb").write(elements)
PY
fi

# fuzz_bulk_export: orders split at 0x1E, their items at 0x1F, each item a
# knob byte (quantity, delay) and a title.
mkdir -p "$corpus/fuzz_bulk_export"
printf 'A\x1fBhat\x1f\x08scarf\x1eC\x1f\x38late' > "$corpus/fuzz_bulk_export/interleaved"
printf '\x01one\x1e\x1e\x06bad qty \xc3\xa9\x1f\x00zero' > "$corpus/fuzz_bulk_export/grouped"
printf '{"id":"gid://shopify/Order/1"}\n{"id":"gid://shopify/LineItem/2","__parentId":"gid:\\/\\/shopify\\/Order\\/1"}\n' \
  > "$corpus/fuzz_bulk_export/raw"

# Money and timestamps: the values the payloads hold.
cat "${all_inputs[@]}" /dev/null |
  { grep -oE '"-?[0-9]+(\.[0-9]+)?"|[:\[,] *-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?' || true; } |
  sed -E 's/^[:\[,] *//; s/"//g' | sort -u | awk 'NR <= 300' | add_text fuzz_money
printf '%s\n' "1.5e2" "-0" "9223372036854775807" "-9223372036854775808" "0.000000000000000001" \
  "10.0000|0.01" "9223372036854775807|1" "1e-18|-1e-18" | add_text fuzz_money
cat "${all_inputs[@]}" /dev/null |
  { grep -oE '"[0-9]{4}-[0-9]{2}-[0-9]{2}[^"]{0,30}"|"[A-Z][a-z]{2}, [^"]{10,35}"' || true; } |
  sed 's/"//g' | sort -u | awk 'NR <= 300' | add_text fuzz_timestamp
printf '%s\n' "1700000000" "-1" "2014-11-06T13:36Z" "2019-01-30" "2016-12-31T23:59:60Z" \
  "20 Nov 2012 00:00 GMT" "0000-01-01T00:00:00+00:01" | add_text fuzz_timestamp

# The deriver reads structured bytes: start it from a few arbitrary ones.
mkdir -p "$corpus/fuzz_derive"
for i in 1 2 3 4; do head -c $((64 * i)) /dev/urandom > "$corpus/fuzz_derive/random$i"; done

# One dictionary for the targets that see every platform.
for p in "${platforms[@]}"; do cat "$root/fuzz/dict/$p.dict"; done |
  grep '^"' | sort -u > "$build/dict/all.dict"

for d in "$corpus"/*/; do
  printf '%-22s %4d files %8d bytes\n' "$(basename "$d")" "$(ls "$d" | wc -l)" \
    "$(cat "$d"* 2>/dev/null | wc -c)"
done

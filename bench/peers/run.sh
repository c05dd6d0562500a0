#!/usr/bin/env bash
# ordernorm against its peers on the same Shopify orders (README.md here):
# installs the peers, builds ordernorm, generates the input, checks every
# peer's output against ordernorm's, then times them all and prints a table.
#
#   bench/peers/run.sh                      # 100 MB, median of 3 runs
#   SIZE_MB=50 N=5 bench/peers/run.sh
#
# Environment: SIZE_MB (input size, default 100), N (timed runs per tool,
# default 3), VERIFY_MB (verification slice, default 10), SEED (default 42),
# BUILD_DIR (default <repo>/build-peers; everything generated goes there),
# PEERS (the peers to run, default "nlohmann node python jq jsonata"),
# ORDERNORM_BUILD (a Release tree with ordernorm and ordernorm_gen built
# already, e.g. bench/run_results.sh's: used as it is instead of building
# one in BUILD_DIR), TIMING_JSON (also write the medians there as JSON).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$root/build-peers}
work=$build/peers
size_mb=${SIZE_MB:-100}
runs=${N:-3}
verify_mb=${VERIFY_MB:-10}
seed=${SEED:-42}
read -r -a peers <<<"${PEERS:-nlohmann node python jq jsonata}"
# Debian's interpreter, whatever else is first on PATH (pyenv, venvs).
python=/usr/bin/python3
wants() { [[ " ${peers[*]} " == *" $1 "* ]]; }

say() { printf '\n== %s\n' "$*" >&2; }
die() {
  printf 'run.sh: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------------------
say "1. peers: Debian packages and jsonata from npm"
# Only what is missing: a machine with Node from NodeSource has npm inside
# nodejs, and Debian's npm package would conflict with it.
need=()
command -v jq >/dev/null || need+=(jq)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
[[ -x $python ]] || need+=(python3)
[[ -f /usr/include/nlohmann/json.hpp ]] || need+=(nlohmann-json3-dev)
command -v g++ >/dev/null || need+=(g++)
command -v cmake >/dev/null || need+=(cmake)
command -v ninja >/dev/null || need+=(ninja-build)
[[ -x /usr/bin/time ]] || need+=(time)  # timing.py's peak RSS
if ((${#need[@]})); then
  sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${need[@]}"
fi
want_jsonata=$(node -p "require('$here/package.json').dependencies.jsonata")
have_jsonata=$(node -p "try { require('$here/node_modules/jsonata/package.json').version } catch { '' }")
if wants jsonata && [[ $have_jsonata != "$want_jsonata" ]]; then
  npm install --prefix "$here" --no-audit --no-fund --no-package-lock
fi

# ---------------------------------------------------------------------------
say "2. build: ordernorm (Release) and the nlohmann peer"
# Release whatever the build directory held before (simdjson is ~2.6x slower
# without NDEBUG); the generator can only be chosen on the first configure.
if [[ -n ${ORDERNORM_BUILD:-} ]]; then
  type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$ORDERNORM_BUILD/CMakeCache.txt")
  [[ $type == Release ]] || die "$ORDERNORM_BUILD is a '$type' build, not Release"
  ordernorm=$ORDERNORM_BUILD/src/ordernorm
  gen=$ORDERNORM_BUILD/bench/ordernorm_gen
  [[ -x $ordernorm && -x $gen ]] || die "$ORDERNORM_BUILD has no ordernorm or ordernorm_gen"
else
  generator=()
  [[ -f $build/CMakeCache.txt ]] || generator=(-G Ninja)
  cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target ordernorm_gen ordernorm_cli
  ordernorm=$build/src/ordernorm
  gen=$build/bench/ordernorm_gen
fi
mkdir -p "$work"
# The same optimization flags as ordernorm's Release build (-O3 -DNDEBUG).
if [[ ! -x $work/nlohmann_mapper || $here/nlohmann_mapper.cpp -nt $work/nlohmann_mapper ]]; then
  g++ -std=c++17 -O3 -DNDEBUG "$here/nlohmann_mapper.cpp" -o "$work/nlohmann_mapper"
fi

# ---------------------------------------------------------------------------
say "3. input: ${size_mb} MB of Shopify orders, seed $seed"
input=$work/shopify-${size_mb}MB-seed${seed}.ndjson
slice=$work/shopify-${verify_mb}MB-seed${seed}.ndjson
[[ -s $input ]] || "$gen" --platform shopify --bytes "${size_mb}M" --seed "$seed" -o "$input"
[[ -s $slice ]] || "$gen" --platform shopify --bytes "${verify_mb}M" --seed "$seed" -o "$slice"

# The tools, each reading the file named last and writing NDJSON to stdout.
names=(ordernorm)
for name in nlohmann node python jq jsonata; do wants "$name" && names+=("$name"); done
declare -A cmd=(
  [ordernorm]="$ordernorm convert --jobs 1 --from shopify"
  [nlohmann]="$work/nlohmann_mapper"
  [node]="node $here/node_mapper.js"
  [python]="$python $here/python_mapper.py"
  [jq]="jq -c -f $here/shopify.jq"
  [jsonata]="node $here/jsonata_mapper.js"
)
declare -A label=(
  [ordernorm]="ordernorm convert -j 1 (CLI)"
  [nlohmann]="C++ nlohmann::json $(dpkg-query -W -f '${Version}' nlohmann-json3-dev 2>/dev/null || true)"
  [node]="Node.js $(node --version) JSON.parse + hand-written mapper"
  [python]="Python $($python -c 'import platform; print(platform.python_version())') json"
  [jq]="$(jq --version)"
  [jsonata]="JSONata $want_jsonata on Node.js $(node --version)"
)

# ---------------------------------------------------------------------------
say "4. verify: every peer against ordernorm (${verify_mb} MB slice and edge_orders.ndjson)"
for data in "$slice" "$here/edge_orders.ndjson"; do
  base=$work/verify-$(basename "$data" .ndjson)
  ${cmd[ordernorm]} -o "$base.ordernorm.ndjson" "$data" 2>/dev/null ||
    die "ordernorm rejected records of $data"
  for name in "${names[@]:1}"; do
    ${cmd[$name]} "$data" >"$base.$name.ndjson" || die "$name failed on $data"
    $python "$here/check.py" "$base.ordernorm.ndjson" "$base.$name.ndjson" "$name" ||
      die "$name does not match ordernorm on $data; nothing timed"
  done
done

# ---------------------------------------------------------------------------
say "5. time: median of $runs runs per tool, round-robin, on $input"
for name in "${names[@]}"; do
  printf '%s\t%s\t%s\n' "$name" "${label[$name]}" "${cmd[$name]}"
done >"$work/tools.tsv"
TIMING_JSON=${TIMING_JSON:-} $python "$here/timing.py" "$input" "$runs" "$work/tools.tsv" |
  tee "$work/results.md"

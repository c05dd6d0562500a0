#!/bin/sh
# Issue 17: `ordernorm load` into SQLite and PostgreSQL beside
# `ordernorm convert -o /dev/null` on the same dump, then the lookups of
# `ordernorm orders` on what was loaded. Prints markdown for bench/RESULTS.md.
#
#   bench/store_bench.sh BUILD_DIR DUMP [RUNS] [LOOKUP_DUMP]
#
# BUILD_DIR: a Release build (with ORDERNORM_POSTGRES and its tests, for the
# throwaway cluster script). DUMP: NDJSON orders, e.g. the 1 GB mixed dump
# (`ordernorm_gen --platform mix --bytes 1000M --seed 42`, as
# bench/run_results.sh makes it). PostgreSQL runs in a throwaway cluster on a
# Unix socket (tests/postgres_cluster.sh), removed at the end. Each load goes
# into a new database; the lookups are timed on the SQLite and PostgreSQL
# databases the last load made (the CLI's whole run: process start, open,
# query, print), or, given LOOKUP_DUMP (e.g. 1,000,000 orders:
# `ordernorm_gen --platform all --orders 1000000 --seed 42`), on databases
# loaded once with it.
set -eu
build=$(cd "$1" && pwd)
dump=$2
runs=${3:-3}
lookup_dump=${4:-}
root=$(cd "$(dirname "$0")/.." && pwd)
cli=$build/src/ordernorm
work=$(mktemp -d /tmp/ordernorm-store-bench.XXXXXXXX)
state=$work/pg
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
mkdir -p "$state"
cleanup() {
  sh "$root/tests/postgres_cluster.sh" cleanup "$state" "$bindir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
sh "$root/tests/postgres_cluster.sh" setup "$state" "$bindir" >/dev/null
admin=$(cat "$state/url")

# The median of the numbers on standard input, one per line.
median() {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
seconds() {  # seconds of one run of "$@"
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '%.3f\n' "$(echo "$end - $start" | bc)"
}
fresh_pg() {  # an empty database `bench` on the cluster
  psql_url=$admin
  "$bindir/psql" -q "$psql_url" -c 'DROP DATABASE IF EXISTS bench WITH (FORCE)' >/dev/null 2>&1
  "$bindir/psql" -q "$psql_url" -c 'CREATE DATABASE bench' >/dev/null
}
pg_url=$(echo "$admin" | sed 's|/ordernorm?|/bench?|')

size=$(stat -c %s "$dump")
orders=$("$cli" convert -q "$dump" | wc -l)
echo "Dump: $(basename "$dump"), $size bytes, $orders orders; $runs runs each, median; load average $(cut -d' ' -f1 /proc/loadavg)."
echo
echo "| what | seconds (median) | runs | MB/s | x convert |"
echo "|---|---:|---|---:|---:|"
row() {  # label, then the run times on standard input
  times=$(cat)
  m=$(echo "$times" | median)
  echo "$1|$m|$(echo $times | tr ' ' ',')" >>"$work/rows"
}
for _ in $(seq "$runs"); do seconds "$cli" convert -q -o /dev/null "$dump"; done | row convert
for _ in $(seq "$runs"); do
  rm -f "$work/o.db" "$work/o.db-wal" "$work/o.db-shm"
  seconds "$cli" load -q --db "$work/o.db" "$dump"
done | row sqlite
for _ in $(seq "$runs"); do seconds "$cli" load -q --db "$work/o.db" "$dump"; done | row sqlite_again
for _ in $(seq "$runs"); do
  fresh_pg
  seconds "$cli" load -q --db "$pg_url" "$dump"
done | row postgres
for _ in $(seq "$runs"); do seconds "$cli" load -q --db "$pg_url" "$dump"; done | row postgres_again
base=$(grep '^convert|' "$work/rows" | cut -d'|' -f2)
while IFS='|' read -r name m times; do
  case $name in
    convert) label='`convert -q -o /dev/null`' ;;
    sqlite) label='`load --db FILE.db` into a new SQLite file' ;;
    sqlite_again) label='the same load again (every order unchanged)' ;;
    postgres) label='`load --db postgresql://...` into a new database' ;;
    postgres_again) label='the same load again (every order unchanged)' ;;
  esac
  mbs=$(printf '%.1f' "$(echo "scale=3; $size / 1000000 / $m" | bc)")
  ratio=$(printf '%.2f' "$(echo "scale=4; $m / $base" | bc)")
  echo "| $label | $m | $times | $mbs | ${ratio}x |"
done <"$work/rows"

# Lookups: one order in the middle of the dump, by each of Malomo's keys.
lookup_sqlite=$work/o.db
if [ -n "$lookup_dump" ]; then
  dump=$lookup_dump
  orders=$("$cli" convert -q "$dump" | wc -l)
  lookup_sqlite=$work/lookups.db
  fresh_pg
  echo
  echo "Loaded for the lookups: $(basename "$dump"), $(stat -c %s "$dump") bytes, $orders orders:" \
    "into SQLite in $(seconds "$cli" load -q --db "$lookup_sqlite" "$dump") s," \
    "into PostgreSQL in $(seconds "$cli" load -q --db "$pg_url" "$dump") s."
fi
middle=$("$cli" convert -q "$dump" | sed -n "$((orders / 2))p")
field() { echo "$middle" | sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -1; }
id=$(field id)
remote=$(field remoteId)
platform=$(field platform)
# The first tracking code from the middle on (the middle order may have none).
tracking=$("$cli" convert -q "$dump" | sed -n "$((orders / 2)),\$p" |
  grep -m 1 -o '"trackingCode":"[^"]*"' | sed 's/.*:"\(.*\)"/\1/' || true)
number=$(field orderNumber)
email=$(field email)
echo
echo "Lookups on the $orders stored orders (\`ordernorm orders\`, whole process; median of 5):"
echo
echo "| lookup | SQLite ms | PostgreSQL ms |"
echo "|---|---:|---:|"
lookup() {  # label, then the arguments
  label=$1
  shift
  out=""
  for db in "$lookup_sqlite" "$pg_url"; do
    t=$(for _ in 1 2 3 4 5; do seconds "$cli" orders --db "$db" "$@"; done | median)
    out="$out | $(echo "$t * 1000 / 1" | bc)"
  done
  echo "| $label$out |"
}
lookup "\`--id $id\`" --id "$id"
lookup "\`--alternate-id $remote --platform $platform\`" --alternate-id "$remote" --platform "$platform"
[ -n "$tracking" ] && lookup "\`--tracking-code $tracking\`" --tracking-code "$tracking"
[ -n "$number" ] && [ -n "$email" ] &&
  lookup "\`--number $number --customer-email $email\`" --number "$number" --customer-email "$email"
lookup '`--order-status Cancelled --limit 10` (a filter, first page)' --order-status Cancelled --limit 10

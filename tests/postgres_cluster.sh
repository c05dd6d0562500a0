#!/bin/sh
# A throwaway PostgreSQL cluster for the tests (issue 17), the ctest fixture
# `postgres` (tests/CMakeLists.txt):
#
#   postgres_cluster.sh setup   STATE_DIR BINDIR
#   postgres_cluster.sh cleanup STATE_DIR BINDIR
#
# setup: initdb in a fresh private directory under /tmp, a server that listens
# on a Unix socket in that directory only (listen_addresses = '', never TCP),
# a superuser `ordernorm` with a random password (scram-sha-256, the only way
# in), a database `ordernorm`; writes STATE_DIR/url
# (postgresql://ordernorm:PASSWORD@/ordernorm?host=DIR&port=5432) and
# STATE_DIR/password. A cluster left by an earlier run (killed before its
# cleanup) is stopped and removed first.
# cleanup: stops the cluster (immediate), removes its directory and the
# files in STATE_DIR. Safe to run any number of times.
#
# PostgreSQL refuses to run as root: as root, the server and initdb run as
# the user `postgres` (Debian's postgresql-15 makes it; ORDERNORM_PG_USER
# overrides); otherwise as the calling user. Clients (createdb, the tests)
# run as the caller.
set -eu

usage() {
  echo "usage: $0 setup|cleanup STATE_DIR BINDIR" >&2
  exit 2
}
[ $# -eq 3 ] || usage
mode=$1
state=$2
bindir=$3
# Absolute paths, and a working directory every user can enter (the server's
# user may not enter the caller's).
case $state in /*) ;; *) state=$(pwd)/$state ;; esac
case $bindir in /*) ;; *) bindir=$(pwd)/$bindir ;; esac
cd /

# Nothing from the caller's environment may point the server or the clients
# elsewhere (PGPORT would even rename the socket).
unset PGHOST PGHOSTADDR PGPORT PGDATA PGUSER PGDATABASE PGPASSWORD PGPASSFILE \
  PGSERVICE PGSERVICEFILE PGOPTIONS PGSSLMODE PGTZ PGCLIENTENCODING || true

fail() {
  echo "postgres_cluster.sh $mode: $*" >&2
  exit 1
}

# as_server COMMAND...: runs COMMAND as the server's user, which must exist
# (checked when first needed: a cleanup with nothing to stop needs no user).
run_user=
as_server() {
  if [ -z "$run_user" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      run_user=${ORDERNORM_PG_USER:-postgres}
      id "$run_user" >/dev/null 2>&1 ||
        fail "running as root, and there is no user '$run_user' to run PostgreSQL as" \
          "(apt-get install postgresql-15 makes 'postgres'; or set ORDERNORM_PG_USER)"
      command -v runuser >/dev/null 2>&1 || fail "running as root needs runuser (util-linux)"
    else
      run_user=$(id -un)
    fi
  fi
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$run_user" -- "$@"
  else
    "$@"
  fi
}

# Stops and removes the cluster whose directory is named in STATE_DIR/cluster.
remove_cluster() {
  [ -f "$state/cluster" ] || return 0
  dir=$(cat "$state/cluster")
  case $dir in
    /tmp/ordernorm-pg.*) ;;
    *) fail "refusing to remove '$dir' (named in $state/cluster): not an ordernorm-pg directory" ;;
  esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    pid=$(head -n 1 "$dir/data/postmaster.pid")
    as_server true  # the user exists (a message, not hidden below)
    if ! as_server "$bindir/pg_ctl" stop -D "$dir/data" -m immediate -w -t 60 >/dev/null 2>&1; then
      # The server we started, by its id, if pg_ctl could not stop it.
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$dir/data"; then
        echo "postgres_cluster.sh: pg_ctl stop failed; killing postgres $pid" >&2
        kill -KILL "$pid" 2>/dev/null || true
        sleep 1
      fi
    fi
  fi
  rm -rf "$dir"
  rm -f "$state/cluster"
}

case $mode in
  cleanup)
    remove_cluster
    rm -f "$state/url" "$state/password" "$state/url.tmp"
    echo "postgres cluster removed"
    exit 0
    ;;
  setup) ;;
  *) usage ;;
esac

for tool in initdb pg_ctl createdb; do
  [ -x "$bindir/$tool" ] ||
    fail "no $bindir/$tool: PostgreSQL's server is not installed (apt-get install postgresql-15)"
done

mkdir -p "$state"
rm -f "$state/url" "$state/password" "$state/url.tmp"
remove_cluster
as_server true  # the server's user exists, before anything is made

# A private directory: the data directory, the socket, the log. Owned by the
# server's user, mode 700 (root, the client as root, can still reach it).
dir=$(mktemp -d /tmp/ordernorm-pg.XXXXXXXX)
echo "$dir" >"$state/cluster"
if [ "$(id -u)" -eq 0 ]; then
  chown "$run_user" "$dir"
fi
chmod 700 "$dir"

started=no
on_exit() {
  status=$?
  if [ $status -ne 0 ]; then
    if [ -f "$dir/server.log" ]; then
      echo "---- server log ($dir/server.log) ----" >&2
      cat "$dir/server.log" >&2
      echo "---- end of server log ----" >&2
    fi
    [ "$started" = yes ] && echo "postgres_cluster.sh: removing the failed cluster" >&2
    remove_cluster || true
    rm -f "$state/url" "$state/password" "$state/url.tmp"
  fi
  exit $status
}
trap on_exit EXIT
trap 'exit 1' INT TERM HUP

# A random password, hexadecimal: nothing in it needs escaping in a URL.
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
[ ${#password} -eq 32 ] || fail "could not read a random password from /dev/urandom"
umask 077
printf '%s\n' "$password" >"$dir/pwfile"
[ "$(id -u)" -eq 0 ] && chown "$run_user" "$dir/pwfile"

echo "initdb in $dir/data as $run_user"
if ! as_server "$bindir/initdb" -D "$dir/data" -U ordernorm --pwfile="$dir/pwfile" \
  -A scram-sha-256 -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  fail "initdb failed"
fi
rm -f "$dir/pwfile"

# Unix socket in $dir only; a fixed port names the socket file
# (.s.PGSQL.5432), which no other server shares in a private directory.
# Throwaway: no fsync.
cat >>"$dir/data/postgresql.conf" <<EOF

# ordernorm tests (tests/postgres_cluster.sh)
listen_addresses = ''
unix_socket_directories = '$dir'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
timezone = 'UTC'
EOF

echo "starting the server (socket in $dir)"
if ! as_server "$bindir/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  >"$dir/pg_ctl.log" 2>&1; then
  cat "$dir/pg_ctl.log" >&2
  fail "pg_ctl start failed"
fi
started=yes

PGPASSWORD=$password "$bindir/createdb" -h "$dir" -p 5432 -U ordernorm ordernorm ||
  fail "createdb ordernorm failed"

printf '%s\n' "$password" >"$state/password"
printf 'postgresql://ordernorm:%s@/ordernorm?host=%s&port=5432\n' "$password" "$dir" >"$state/url.tmp"
mv "$state/url.tmp" "$state/url"
echo "postgres cluster ready: socket in $dir, URL in $state/url"

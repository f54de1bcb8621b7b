#!/bin/sh
# A throwaway PostgreSQL cluster for tests and trials: scripts/pg-cluster.sh start|stop|url|status
# It lives in a temporary folder, listens only on 127.0.0.1 at a private port (PG_PORT, default
# 55432) and trusts local connections; it is never a place for real data. PostgreSQL refuses to
# run as root, so under root the cluster runs as an unprivileged user (PG_USER, default postgres
# when it exists, else nobody). `start` prints the DATABASE_URL of its database "weike".
set -eu

PORT="${PG_PORT:-55432}"
DIR="${PG_CLUSTER_DIR:-${TMPDIR:-/tmp}/weike-pg-$PORT}"
BIN="${PG_BIN:-}"
if [ -z "$BIN" ]; then
  for v in 17 16 15; do
    if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then BIN="/usr/lib/postgresql/$v/bin"; break; fi
  done
fi
if [ -z "$BIN" ] && command -v pg_ctl >/dev/null 2>&1; then BIN="$(dirname "$(command -v pg_ctl)")"; fi
if [ -z "$BIN" ]; then echo "pg-cluster: no PostgreSQL server binaries found (set PG_BIN)" >&2; exit 1; fi

URL="postgresql://weike@127.0.0.1:$PORT/weike"

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    owner="${PG_USER:-}"
    if [ -z "$owner" ]; then
      if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
    fi
    chown -R "$owner" "$DIR"
    # cd first: the owner may not be allowed into the caller's working folder.
    (cd "$DIR" && runuser -u "$owner" -- "$@")
  else
    "$@"
  fi
}

running() { [ -f "$DIR/data/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; }

case "${1:-}" in
  start)
    if running; then echo "$URL"; exit 0; fi
    mkdir -p "$DIR"
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      as_owner "$BIN/initdb" -D "$DIR/data" -U weike --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
        { cat "$DIR/initdb.log" >&2; exit 1; }
      # Durability is pointless for a throwaway cluster; speed is not.
      cat >>"$DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
timezone = 'UTC'
CONF
    fi
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 start >/dev/null ||
      { tail -20 "$DIR/server.log" >&2; exit 1; }
    as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U weike -d postgres -qtA \
      -c "SELECT 1 FROM pg_database WHERE datname = 'weike'" | grep -q 1 ||
      as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U weike weike
    echo "$URL"
    ;;
  stop)
    if running; then as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null; fi
    rm -rf "$DIR"
    ;;
  url)
    echo "$URL"
    ;;
  status)
    if running; then echo "running: $URL"; else echo "stopped"; exit 3; fi
    ;;
  *)
    echo "usage: scripts/pg-cluster.sh start|stop|url|status   (PG_PORT, default 55432)" >&2
    exit 2
    ;;
esac

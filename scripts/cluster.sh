#!/bin/sh
# Several Weike instances behind nginx on one machine: scripts/cluster.sh start|stop|status|restart N
#   CLUSTER_PORT (default 3450): nginx listens here; instance i listens on CLUSTER_PORT+i.
#   CLUSTER_SIZE (default 2): number of instances.
#   DATABASE_URL: the one database they share (file:… or postgresql://…); the same for all.
#   WEIKE_BUILD_DIR (default build): the built server (npm run build).
# `restart N` stops instance N and starts it again while the others keep serving (nginx retries
# them); it runs the start-up work again, e.g. a content sync of a changed CONTENT_DIR.
# nginx runs without root from a config in a temporary folder (deploy/nginx/weike.conf filled
# in); logs of every process are in that folder. docs/deploy.md describes a real deployment.
set -eu

PORT="${CLUSTER_PORT:-3450}"
SIZE="${CLUSTER_SIZE:-2}"
BUILD="${WEIKE_BUILD_DIR:-build}"
DIR="${CLUSTER_DIR:-${TMPDIR:-/tmp}/weike-cluster-$PORT}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NGINX="${NGINX_BIN:-/usr/sbin/nginx}"

wait_healthy() {
  # Up to 120 s: the first instance runs the migrations and the content sync.
  i=0
  while [ $i -lt 240 ]; do
    if node -e "fetch('http://127.0.0.1:$1/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2>/dev/null; then
      return 0
    fi
    i=$((i + 1))
    sleep 0.5
  done
  echo "cluster: no healthy answer on port $1 (see $DIR/instance-*.log)" >&2
  return 1
}

stop() {
  if [ -f "$DIR/nginx.pid" ]; then
    kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true
  fi
  for f in "$DIR"/instance-*.pid; do
    [ -f "$f" ] || continue
    pid="$(cat "$f")"
    kill "$pid" 2>/dev/null || true
    # The instance finishes what is in flight and closes the database.
    n=0
    while kill -0 "$pid" 2>/dev/null && [ $n -lt 40 ]; do sleep 0.25; n=$((n + 1)); done
    rm -f "$f"
  done
  rm -f "$DIR/nginx.pid"
}

launch() {
  p=$((PORT + $1))
  # Same database, same build; TRUST_PROXY=1: nginx is the one hop in front.
  (cd "$ROOT" && PORT="$p" TRUST_PROXY=1 NODE_ENV=production WEIKE_BUILD_DIR="$BUILD" \
    nohup node --max-old-space-size=160 --max-semi-space-size=8 "$BUILD/start.mjs" \
    >"$DIR/instance-$1.log" 2>&1 &
    echo $! >"$DIR/instance-$1.pid")
}

start() {
  : "${DATABASE_URL:?set DATABASE_URL (file:… or postgresql://…)}"
  [ -f "$BUILD/start.mjs" ] || { echo "cluster: $BUILD/start.mjs missing (npm run build)" >&2; exit 1; }
  stop
  mkdir -p "$DIR/tmp"
  # nginx's workers drop root for nobody; its temporary folders must stay writable to them.
  chmod 0777 "$DIR/tmp"
  # The first instance migrates the database alone (two SQLite migrators on one file would
  # collide); the others start once it answers and find the content already synced.
  launch 1
  wait_healthy $((PORT + 1)) || { stop; exit 1; }
  upstreams="server 127.0.0.1:$((PORT + 1)); "
  i=2
  while [ "$i" -le "$SIZE" ]; do
    launch "$i"
    upstreams="${upstreams}server 127.0.0.1:$((PORT + i)); "
    i=$((i + 1))
  done
  i=2
  while [ "$i" -le "$SIZE" ]; do
    wait_healthy $((PORT + i)) || { stop; exit 1; }
    i=$((i + 1))
  done
  sed -e "s|@LISTEN@|127.0.0.1:$PORT|" -e "s|@UPSTREAMS@|$upstreams|" "$ROOT/deploy/nginx/weike.conf" >"$DIR/weike.conf"
  cat >"$DIR/nginx.conf" <<CONF
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log $DIR/nginx-access.log;
  client_body_temp_path $DIR/tmp/body;
  proxy_temp_path $DIR/tmp/proxy;
  fastcgi_temp_path $DIR/tmp/fastcgi;
  uwsgi_temp_path $DIR/tmp/uwsgi;
  scgi_temp_path $DIR/tmp/scgi;
  include $DIR/weike.conf;
}
CONF
  "$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/nginx-error.log"
  wait_healthy "$PORT" || { stop; exit 1; }
  echo "http://127.0.0.1:$PORT"
}

restart() {
  : "${DATABASE_URL:?set DATABASE_URL (file:… or postgresql://…)}"
  f="$DIR/instance-$1.pid"
  [ -f "$f" ] || { echo "cluster: instance $1 is not running" >&2; exit 1; }
  pid="$(cat "$f")"
  kill "$pid" 2>/dev/null || true
  n=0
  while kill -0 "$pid" 2>/dev/null && [ $n -lt 40 ]; do sleep 0.25; n=$((n + 1)); done
  launch "$1"
  wait_healthy $((PORT + $1))
}

case "${1:-}" in
  start) start ;;
  restart) restart "${2:?usage: scripts/cluster.sh restart N}" ;;
  stop) stop ;;
  status)
    for f in "$DIR"/instance-*.pid "$DIR/nginx.pid"; do
      [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && echo "$(basename "$f" .pid): running ($(cat "$f"))"
    done
    true
    ;;
  *) echo "usage: scripts/cluster.sh start|stop|status|restart N" >&2; exit 2 ;;
esac

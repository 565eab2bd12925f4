#!/usr/bin/env bash
# Runs the platform: the API gateway (port 8001) and the browser worker as two processes, with logs under
# logs/. Builds first when the jars are missing or older than the sources. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'USAGE'
Usage: ./run.sh [--rebuild]
  --rebuild   build the jars even if they look up to date
Environment variables are described in README.md (PORT, MONGO_URL, RABBITMQ_URL, MAX_WHATSAPP_ACCOUNTS, ...).
USAGE
}

REBUILD=0
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

VERSION=0.1.0-SNAPSHOT
GATEWAY_JAR=api-gateway/target/api-gateway-$VERSION.jar
WORKER_JAR=browser-worker/target/browser-worker-$VERSION.jar

needs_build() {
  [ "$REBUILD" = "1" ] && return 0
  for jar in "$GATEWAY_JAR" "$WORKER_JAR"; do
    [ -f "$jar" ] || return 0
    if [ -n "$(find pom.xml shared-contracts api-gateway/src api-gateway/pom.xml browser-worker/src \
        browser-worker/pom.xml -newer "$jar" -type f -print -quit)" ]; then
      return 0
    fi
  done
  return 1
}

if needs_build; then
  echo "Building (./mvnw -DskipTests package) ..."
  ./mvnw -B -q -DskipTests package
fi

if [ -z "${RABBITMQ_URL:-}" ]; then
  scripts/ensure-rabbitmq.sh
fi

mkdir -p logs
java ${GATEWAY_JAVA_OPTS:-} -jar "$GATEWAY_JAR" >logs/gateway.log 2>&1 &
GATEWAY_PID=$!
java ${WORKER_JAVA_OPTS:-} -jar "$WORKER_JAR" >logs/worker.log 2>&1 &
WORKER_PID=$!

stop() {
  trap - INT TERM EXIT
  echo "Stopping gateway ($GATEWAY_PID) and worker ($WORKER_PID) ..."
  kill "$GATEWAY_PID" "$WORKER_PID" 2>/dev/null || true
  wait "$GATEWAY_PID" "$WORKER_PID" 2>/dev/null || true
}
trap stop INT TERM EXIT

echo "Gateway: http://localhost:${PORT:-8001}/api   (log: logs/gateway.log)"
echo "Worker:  pid $WORKER_PID                        (log: logs/worker.log)"
echo "Press Ctrl-C to stop both."

# Return as soon as either process exits, so a crash is not hidden behind the other one running.
wait -n "$GATEWAY_PID" "$WORKER_PID" || true
echo "A process exited; see logs/." >&2

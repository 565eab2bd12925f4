#!/usr/bin/env bash
# Runs the platform: the API gateway (port 8001) and the browser worker as two processes, with logs under
# logs/. Builds first when the jars are missing or older than the sources. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'USAGE'
Usage: ./run.sh [--sandbox] [--rebuild]
  --sandbox   also run wa-simulator (a local stand-in for WhatsApp Web and the phone, on SIM_PORT, default
              8002) and point the worker at it instead of web.whatsapp.com; the phone is at /phone
  --rebuild   build the jars even if they look up to date
Environment variables are described in README.md (PORT, MONGO_URL, RABBITMQ_URL, MAX_WHATSAPP_ACCOUNTS, ...).
USAGE
}

REBUILD=0
SANDBOX=0
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    --sandbox) SANDBOX=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

VERSION=0.1.0-SNAPSHOT
GATEWAY_JAR=api-gateway/target/api-gateway-$VERSION.jar
WORKER_JAR=browser-worker/target/browser-worker-$VERSION.jar
SIMULATOR_JAR=wa-simulator/target/wa-simulator-$VERSION.jar

needs_build() {
  [ "$REBUILD" = "1" ] && return 0
  for jar in "$GATEWAY_JAR" "$WORKER_JAR" "$SIMULATOR_JAR"; do
    [ -f "$jar" ] || return 0
    if [ -n "$(find pom.xml shared-contracts api-gateway/src api-gateway/pom.xml browser-worker/src \
        browser-worker/pom.xml wa-simulator/src wa-simulator/pom.xml -newer "$jar" -type f -print -quit)" ]; then
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
PIDS=()
if [ "$SANDBOX" = "1" ]; then
  java ${SIMULATOR_JAVA_OPTS:-} -jar "$SIMULATOR_JAR" >logs/simulator.log 2>&1 &
  PIDS+=($!)
  export WA_WEB_URL="http://localhost:${SIM_PORT:-8002}/"
  echo "Sandbox: WhatsApp Web simulator at $WA_WEB_URL, the phone at ${WA_WEB_URL}phone (log: logs/simulator.log)"
fi
java ${GATEWAY_JAVA_OPTS:-} -jar "$GATEWAY_JAR" >logs/gateway.log 2>&1 &
PIDS+=($!)
java ${WORKER_JAVA_OPTS:-} -jar "$WORKER_JAR" >logs/worker.log 2>&1 &
PIDS+=($!)

stop() {
  trap - INT TERM EXIT
  echo "Stopping ${PIDS[*]} ..."
  kill "${PIDS[@]}" 2>/dev/null || true
  wait "${PIDS[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

echo "Gateway: http://localhost:${PORT:-8001}/api   (log: logs/gateway.log)"
echo "Worker:  log: logs/worker.log"
echo "Press Ctrl-C to stop."

# Return as soon as any process exits, so a crash is not hidden behind the others running.
wait -n "${PIDS[@]}" || true
echo "A process exited; see logs/." >&2

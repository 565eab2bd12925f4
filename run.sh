#!/usr/bin/env bash
# Runs the platform: the API gateway (port 8001) and one browser worker (or N with --workers N) as processes,
# with logs under logs/. Builds first when the jars are missing or older than the sources. Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'USAGE'
Usage: ./run.sh [--sandbox] [--workers N] [--rebuild]
  --sandbox   also run wa-simulator (a local stand-in for WhatsApp Web and the phone, on SIM_PORT, default
              8002) and point the worker at it instead of web.whatsapp.com; the phone is at /phone
  --workers N run N workers (worker-1 .. worker-N) as if on N hosts: health ports WORKER_PORT, WORKER_PORT+1, ...
              (default 8003), sessions in WHATSAPP_SESSIONS_DIR/worker-i. A worker that dies is reported and not
              restarted, so failover can be watched: its accounts move to the others. Without PROFILE_BACKUP_KEY
              one is made for this machine (data/profile-backup.key), so accounts move without a new QR code
  --rebuild   build the jars even if they look up to date
Environment variables are described in README.md (PORT, MONGO_URL, RABBITMQ_URL, MAX_WHATSAPP_ACCOUNTS, ...).
USAGE
}

REBUILD=0
SANDBOX=0
WORKERS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild) REBUILD=1 ;;
    --sandbox) SANDBOX=1 ;;
    --workers)
      shift
      if ! [[ "${1:-}" =~ ^[1-9][0-9]?$ ]]; then
        echo "--workers needs a number from 1 to 99" >&2; usage >&2; exit 2
      fi
      WORKERS=$1 ;;
    --workers=*)
      WORKERS=${1#--workers=}
      if ! [[ "$WORKERS" =~ ^[1-9][0-9]?$ ]]; then
        echo "--workers needs a number from 1 to 99" >&2; usage >&2; exit 2
      fi ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
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
declare -A NAMES=()
if [ "$SANDBOX" = "1" ]; then
  java ${SIMULATOR_JAVA_OPTS:-} -jar "$SIMULATOR_JAR" >logs/simulator.log 2>&1 &
  PIDS+=($!)
  NAMES[$!]=simulator
  export WA_WEB_URL="http://localhost:${SIM_PORT:-8002}/"
  echo "Sandbox: WhatsApp Web simulator at $WA_WEB_URL, the phone at ${WA_WEB_URL}phone (log: logs/simulator.log)"
fi
java ${GATEWAY_JAVA_OPTS:-} -jar "$GATEWAY_JAR" >logs/gateway.log 2>&1 &
PIDS+=($!)
NAMES[$!]=gateway

if [ "$WORKERS" -ge 1 ]; then
  if [ -z "${PROFILE_BACKUP_KEY:-}" ]; then
    KEY_FILE="${DATA_DIR:-./data}/profile-backup.key"
    mkdir -p "$(dirname "$KEY_FILE")"
    if [ ! -s "$KEY_FILE" ]; then
      (umask 077; head -c 32 /dev/urandom | base64 >"$KEY_FILE")
      echo "Made a profile backup key for this machine: $KEY_FILE (set PROFILE_BACKUP_KEY to use your own)"
    fi
    PROFILE_BACKUP_KEY=$(cat "$KEY_FILE")
    export PROFILE_BACKUP_KEY
  fi
  BASE_PORT=${WORKER_PORT:-8003}
  SESSIONS=${WHATSAPP_SESSIONS_DIR:-./whatsapp-sessions}
  for i in $(seq 1 "$WORKERS"); do
    WORKER_ID="worker-$i" WORKER_PORT=$((BASE_PORT + i - 1)) WHATSAPP_SESSIONS_DIR="$SESSIONS/worker-$i" \
      java ${WORKER_JAVA_OPTS:-} -jar "$WORKER_JAR" >"logs/worker-$i.log" 2>&1 &
    PIDS+=($!)
    NAMES[$!]="worker-$i"
    echo "Worker worker-$i: health on port $((BASE_PORT + i - 1)), sessions in $SESSIONS/worker-$i (log: logs/worker-$i.log)"
  done
else
  java ${WORKER_JAVA_OPTS:-} -jar "$WORKER_JAR" >logs/worker.log 2>&1 &
  PIDS+=($!)
  NAMES[$!]=worker
  echo "Worker:  log: logs/worker.log"
fi

stop() {
  trap - INT TERM EXIT
  echo "Stopping ${PIDS[*]} ..."
  kill "${PIDS[@]}" 2>/dev/null || true
  wait "${PIDS[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

echo "Gateway: http://localhost:${PORT:-8001}/api   (log: logs/gateway.log)"
echo "Press Ctrl-C to stop."

# A worker that exits is reported and not restarted (the others go on, and its accounts move to them); the
# gateway or the simulator exiting ends the run, so a crash is not hidden behind the others running.
while true; do
  set +e
  wait -n -p EXITED "${PIDS[@]}"
  CODE=$?
  set -e
  if [ -z "${EXITED:-}" ]; then
    break # interrupted (Ctrl-C): the trap stops everything
  fi
  NAME=${NAMES[$EXITED]:-a process}
  REMAINING=()
  for pid in "${PIDS[@]}"; do
    if [ "$pid" != "${EXITED:-}" ] && kill -0 "$pid" 2>/dev/null; then
      REMAINING+=("$pid")
    fi
  done
  PIDS=("${REMAINING[@]}")
  case "$NAME" in
    worker-*)
      echo "$NAME exited (code $CODE); it is not restarted. Its accounts move to the other workers." >&2
      if [ ${#PIDS[@]} -eq 0 ]; then break; fi
      ;;
    *)
      echo "$NAME exited (code $CODE); stopping the rest. See logs/." >&2
      break
      ;;
  esac
done

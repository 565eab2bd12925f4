#!/usr/bin/env bash
# Makes sure a RabbitMQ broker answers on 127.0.0.1:5672: starts the local one if it is installed but down,
# installs it first (Debian, as root) if it is absent and INSTALL_MISSING=1.
set -euo pipefail

port_open() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }

if port_open; then
  exit 0
fi

if ! command -v rabbitmq-server >/dev/null 2>&1; then
  if [ "${INSTALL_MISSING:-0}" = "1" ] && [ "$(id -u)" = "0" ]; then
    echo "Installing rabbitmq-server ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
  else
    echo "RabbitMQ is not running on 127.0.0.1:5672 and is not installed." >&2
    echo "Install it (apt-get install rabbitmq-server) or set RABBITMQ_URL to a broker you run." >&2
    exit 1
  fi
fi

if ! port_open; then
  echo "Starting the local RabbitMQ broker ..."
  rabbitmq-server -detached >/dev/null 2>&1 || true
fi

for _ in $(seq 1 120); do
  if port_open; then
    # The port opens before the broker accepts work; let it finish booting.
    rabbitmqctl await_startup >/dev/null 2>&1 || true
    echo "RabbitMQ is up on 127.0.0.1:5672"
    exit 0
  fi
  sleep 1
done
echo "RabbitMQ did not come up on 127.0.0.1:5672 within 120 s" >&2
exit 1

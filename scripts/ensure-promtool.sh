#!/usr/bin/env bash
# Makes sure promtool (Prometheus's config and rule checker, used by system-tests' MonitoringRulesIT) is on this
# machine. Installs nothing else: it takes /usr/bin/promtool alone out of Debian's prometheus package
# (apt-get download checks the file against the signed package index), so no Prometheus server, no prometheus
# user and no web assets come with it. `apt-get install prometheus` would also add those, and start a server on
# :9090 wherever services may start.
# Installs into PROMTOOL_DIR: /usr/local/bin as root, ~/.local/bin otherwise (MonitoringRulesIT looks there too).
set -euo pipefail

if command -v promtool >/dev/null 2>&1 && promtool --version >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" = "0" ]; then
  target_dir="${PROMTOOL_DIR:-/usr/local/bin}"
else
  target_dir="${PROMTOOL_DIR:-$HOME/.local/bin}"
fi
if [ -x "$target_dir/promtool" ] && "$target_dir/promtool" --version >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "promtool is missing and this is not a Debian-like system: install Prometheus's promtool (2.x) on the PATH." >&2
  exit 1
fi

echo "Installing promtool into $target_dir (from Debian's prometheus package, without the server) ..."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$(id -u)" = "0" ] && id _apt >/dev/null 2>&1; then
  chown _apt "$work" # apt downloads as _apt
fi

download() { (cd "$work" && apt-get download -qq prometheus >/dev/null); }
if ! download 2>/dev/null; then
  # A fresh machine has no package lists yet.
  if [ "$(id -u)" != "0" ]; then
    echo "apt-get download prometheus failed; run apt-get update as root (or this script as root) and try again." >&2
    exit 1
  fi
  apt-get update -qq
  download
fi

deb="$(ls "$work"/prometheus_*.deb)"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" ./usr/bin/promtool
mkdir -p "$target_dir"
install -m 0755 "$work/usr/bin/promtool" "$target_dir/promtool"
"$target_dir/promtool" --version 2>&1 | sed -n 1p
case ":$PATH:" in
  *":$target_dir:"*) ;;
  *) echo "Note: $target_dir is not on the PATH (MonitoringRulesIT looks there too)." ;;
esac

#!/usr/bin/env bash
# The product brief's QA checklist, end to end, against the sandbox: the platform with wa-simulator standing in for
# WhatsApp and the phone (./run.sh --sandbox, or docker compose --profile sandbox). For a real phone, follow
# docs/QA.md by hand.
#
#   scripts/qa.sh [BASE_URL]              # BASE_URL: the gateway, default http://localhost:8001
#
# It creates an account with a webhook to a receiver it runs on this machine, links it through the simulated
# phone, waits for READY, saves a snapshot as a PNG, receives a message on the webhook (checking its signature),
# sends one, restarts the session and waits for READY without a QR code, then deletes the account. Each step is
# printed as it passes; the first that fails stops the script with a non-zero exit code (the step's number).
#
# Settings (environment):
#   API_KEYS          the gateway's keys (the first is used); unset: QA_API_KEY, else the key the gateway printed
#                     at its first start (logs/gateway.log, or `docker compose logs backend` with QA_COMPOSE=1)
#   SIM_URL           the simulator, default http://localhost:8002
#   QA_WEBHOOK_HOST   how the gateway reaches this machine, default 127.0.0.1 (Compose: host.docker.internal).
#                     The gateway must allow it: OUTBOUND_ALLOW=127.0.0.1 (or that host)
#   QA_COMPOSE=1      the platform runs under docker compose: the key is read from its logs, and step 8 restarts
#                     the backend and worker containers instead of the session
#   QA_PHONE, QA_RECIPIENT, QA_SENDER   the simulated numbers used (defaults 15550007001/2/3)
#   QA_KEEP=1         keep the account at the end
# Needs bash, curl and python3.
set -euo pipefail
OUT_DIR=$(pwd)
cd "$(dirname "$0")/.."

BASE_URL=${1:-${BASE_URL:-http://localhost:8001}}
BASE_URL=${BASE_URL%/}
SIM_URL=${SIM_URL:-http://localhost:8002}
SIM_URL=${SIM_URL%/}
PHONE=${QA_PHONE:-15550007001}
RECIPIENT=${QA_RECIPIENT:-15550007002}
SENDER=${QA_SENDER:-15550007003}
WEBHOOK_HOST=${QA_WEBHOOK_HOST:-127.0.0.1}
COMPOSE=${QA_COMPOSE:-0}
WORK=$(mktemp -d)
RECEIVER_PID=""
ACCOUNT=""
STEP=0

cleanup() {
  if [ -n "$ACCOUNT" ] && [ "${QA_KEEP:-0}" != "1" ]; then
    curl -s -o /dev/null -X DELETE -H "X-Api-Key: $API_KEY" "$BASE_URL/api/accounts/$ACCOUNT" || true
  fi
  if [ -n "$RECEIVER_PID" ]; then kill "$RECEIVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

step() { STEP=$1; printf '%s ... ' "$2"; }
pass() { printf 'ok%s\n' "${1:+ ($1)}"; }
fail() { printf 'FAILED\n  step %s: %s\n' "$STEP" "$1" >&2; exit "$STEP"; }

# json FILE EXPRESSION: a value from a JSON document (python3 expression on `d`), empty when absent.
json() { python3 -c 'import json,sys
try:
    d = json.load(open(sys.argv[1]))
    v = eval(sys.argv[2])
    print("" if v is None else v)
except Exception:
    print("")' "$1" "$2"; }

# api METHOD PATH [BODY]: the gateway's answer in $WORK/answer, its status code printed.
api() {
  local args=(-s -o "$WORK/answer" -w '%{http_code}' -X "$1" -H "X-Api-Key: $API_KEY")
  if [ $# -ge 3 ]; then args+=(-H 'Content-Type: application/json' -d "$3"); fi
  curl "${args[@]}" "$BASE_URL$2" || echo 000
}

sim() {
  local args=(-s -o "$WORK/sim" -w '%{http_code}' -X "$1")
  if [ $# -ge 3 ]; then args+=(-H 'Content-Type: application/json' -d "$3"); fi
  curl "${args[@]}" "$SIM_URL$2" || echo 000
}

# ---- the API key -------------------------------------------------------------------------------------------
API_KEY=${API_KEYS:-}
API_KEY=${API_KEY%%,*}
API_KEY=${API_KEY:-${QA_API_KEY:-}}
if [ -z "$API_KEY" ]; then
  if [ "$COMPOSE" = "1" ]; then
    API_KEY=$( (docker compose logs backend 2>/dev/null || docker-compose logs backend 2>/dev/null) \
      | grep -o 'shown only now: wam_[A-Za-z0-9_-]*' | tail -1 | sed 's/.*: //' || true)
  elif [ -f logs/gateway.log ]; then
    API_KEY=$(grep -o 'shown only now: wam_[A-Za-z0-9_-]*' logs/gateway.log | tail -1 | sed 's/.*: //' || true)
  fi
fi
[ -n "$API_KEY" ] || { echo "No API key: set API_KEYS (or QA_API_KEY); the gateway prints a generated one once at its first start." >&2; exit 1; }
[ "$(api GET /api/accounts)" = "200" ] || { echo "The gateway at $BASE_URL does not take the API key (or is not up)." >&2; exit 1; }
[ "$(sim GET /sim/phones)" = "200" ] || { echo "No simulator at $SIM_URL: run the sandbox (./run.sh --sandbox)." >&2; exit 1; }

# ---- a webhook receiver on this machine ----------------------------------------------------------------------
mkdir -p "$WORK/hooks"
python3 - "$WORK/hooks" >"$WORK/receiver.port" 2>/dev/null <<'PY' &
import http.server, json, os, sys, time
out = sys.argv[1]
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        name = os.path.join(out, "%d" % time.time_ns())
        with open(name + ".body", "wb") as f:
            f.write(body)
        with open(name + ".signature", "w") as f:
            f.write(self.headers.get("X-Webhook-Signature", ""))
        self.send_response(200)
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("0.0.0.0", 0), Hook)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
RECEIVER_PID=$!
for _ in $(seq 1 50); do [ -s "$WORK/receiver.port" ] && break; sleep 0.1; done
RECEIVER_PORT=$(cat "$WORK/receiver.port")
WEBHOOK_URL="http://$WEBHOOK_HOST:$RECEIVER_PORT/hook"

echo "QA checklist against $BASE_URL (simulator $SIM_URL, webhook receiver $WEBHOOK_URL)"

# ---- 1. Create an account --------------------------------------------------------------------------------------
step 1 "1. Create an account"
code=$(api POST /api/accounts "{\"name\":\"QA Account\",\"webhook_url\":\"$WEBHOOK_URL\",\"webhook_events\":[\"message\",\"status\"]}")
[ "$code" = "201" ] || fail "POST /api/accounts answered $code: $(cat "$WORK/answer")"
ACCOUNT=$(json "$WORK/answer" 'd["id"]')
SECRET=$(json "$WORK/answer" 'd["webhook_secret"]')
pass "$ACCOUNT"

# ---- 2. Get the QR code -----------------------------------------------------------------------------------------
step 2 "2. Get the QR code"
QR=""
for _ in $(seq 1 120); do
  api GET "/api/accounts/$ACCOUNT" >/dev/null
  if [ -n "$(json "$WORK/answer" 'd.get("qr_code")')" ]; then
    [ "$(api GET "/api/accounts/$ACCOUNT/qr?format=text")" = "200" ] && QR=$(cat "$WORK/answer") && break
  fi
  sleep 0.5
done
[ -n "$QR" ] || fail "no qr_code within 60 s (status $(json "$WORK/answer" 'd.get("status")'))"
pass "qr_code is a PNG data URL"

# ---- 3. Scan it with the (simulated) phone -----------------------------------------------------------------------
step 3 "3. Scan the QR code with the phone"
linked=""
for _ in $(seq 1 10); do
  code=$(sim POST /sim/link "{\"qr\":\"$QR\",\"phone\":\"$PHONE\"}")
  if [ "$code" = "200" ]; then linked=1; break; fi
  sleep 1   # the QR code rotated just then: take the new one
  [ "$(api GET "/api/accounts/$ACCOUNT/qr?format=text")" = "200" ] && QR=$(cat "$WORK/answer")
done
[ -n "$linked" ] || fail "the phone could not link: $(cat "$WORK/sim")"
pass "linked to $PHONE"

# ---- 4. Wait for READY ------------------------------------------------------------------------------------------
step 4 "4. Wait for READY"
seen=""
for _ in $(seq 1 180); do
  api GET "/api/accounts/$ACCOUNT" >/dev/null
  status=$(json "$WORK/answer" 'd.get("status")')
  [ "${seen##* }" = "$status" ] || seen="$seen $status"
  [ "$status" = "READY" ] && break
  sleep 0.5
done
[ "$status" = "READY" ] || fail "still $status after 90 s (seen:$seen)"
pass "$(echo ${seen} | sed 's/ / -> /g')"

# ---- 5. Snapshot ---------------------------------------------------------------------------------------------------
step 5 "5. Take a snapshot"
code=$(api GET "/api/accounts/$ACCOUNT/snapshot")
[ "$code" = "200" ] || fail "snapshot answered $code: $(cat "$WORK/answer")"
python3 - "$WORK/answer" "$OUT_DIR/whatsapp.png" <<'PY' || fail "the snapshot is not a PNG image"
import base64, json, sys
data = json.load(open(sys.argv[1]))["snapshot"]
png = base64.b64decode(data.split(",", 1)[1])
assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
open(sys.argv[2], "wb").write(png)
PY
pass "$OUT_DIR/whatsapp.png, $(wc -c <"$OUT_DIR/whatsapp.png") bytes"

# ---- 6. Receive a message on the webhook ----------------------------------------------------------------------------
step 6 "6. Receive a message on the webhook"
TEXT="QA inbound $(date +%s)"
code=$(sim POST "/sim/phones/$PHONE/inbound" "{\"from\":\"$SENDER\",\"text\":\"$TEXT\"}")
[ "$code" = "200" ] || fail "the simulator did not take the message: $(cat "$WORK/sim")"
found=""
for _ in $(seq 1 60); do
  found=$(python3 - "$WORK/hooks" "$TEXT" "$SECRET" <<'PY'
import glob, hashlib, hmac, json, sys
folder, text, secret = sys.argv[1], sys.argv[2], sys.argv[3]
for body_file in sorted(glob.glob(folder + "/*.body")):
    body = open(body_file, "rb").read()
    event = json.loads(body)
    if event.get("event") == "message" and event.get("text") == text:
        signature = open(body_file[:-5] + ".signature").read()
        expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        print("signed" if hmac.compare_digest(signature, expected) else "BAD-SIGNATURE")
        break
PY
)
  [ -n "$found" ] && break
  sleep 0.5
done
[ -n "$found" ] || fail "no message event for \"$TEXT\" within 30 s (is $WEBHOOK_HOST allowed by OUTBOUND_ALLOW?)"
[ "$found" = "signed" ] || fail "the webhook's X-Webhook-Signature does not match its body"
pass "from $SENDER, signature checked"

# ---- 7. Send a message --------------------------------------------------------------------------------------------
step 7 "7. Send a message"
sim POST /sim/numbers "{\"phone\":\"$RECIPIENT\"}" >/dev/null
code=$(api POST "/api/accounts/$ACCOUNT/messages/send" "{\"to\":\"$RECIPIENT\",\"message\":\"Test from API\"}")
[ "$code" = "200" ] || fail "send answered $code: $(cat "$WORK/answer")"
MESSAGE_ID=$(json "$WORK/answer" 'd.get("message_id")')
sim GET "/sim/phones/$PHONE/outbox" >/dev/null
grep -q "Test from API" "$WORK/sim" || fail "the message is not in the phone's outbox"
pass "$MESSAGE_ID"

# ---- 8. The session survives a restart ------------------------------------------------------------------------------
step 8 "8. Restart, and READY again without a QR code"
if [ "$COMPOSE" = "1" ]; then
  (docker compose restart backend worker || docker-compose restart backend worker) >/dev/null 2>&1 \
    || fail "docker compose restart backend worker failed"
  for _ in $(seq 1 120); do [ "$(api GET /api)" = "200" ] && break; sleep 1; done
else
  code=$(api POST "/api/accounts/$ACCOUNT/restart")
  [ "$code" = "202" ] || fail "restart answered $code: $(cat "$WORK/answer")"
fi
seen=""
went_down=""
for i in $(seq 1 240); do
  api GET "/api/accounts/$ACCOUNT" >/dev/null
  status=$(json "$WORK/answer" 'd.get("status")')
  [ "$status" = "QR" ] && fail "the account asked for a QR code after the restart"
  [ "${seen##* }" = "$status" ] || seen="$seen $status"
  [ "$status" != "READY" ] && went_down=1
  # READY again once it went through the restart (or if the restart was too quick to be seen, after 10 s).
  if [ "$status" = "READY" ] && { [ -n "$went_down" ] || [ "$i" -gt 20 ]; }; then break; fi
  sleep 0.5
done
[ "$status" = "READY" ] || fail "not READY 120 s after the restart (seen:$seen)"
pass "$(echo ${seen} | sed 's/ / -> /g')"

echo "All 8 steps passed: the system works end to end."

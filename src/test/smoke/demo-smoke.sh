#!/usr/bin/env bash
# Does what the README's first command promises, on this checkout: build, start `demo`, send a
# message with curl, see it arrive at the capture server, stop with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/../../.."

smtp_port=${SMOKE_SMTP_PORT:-2525}
web_port=${SMOKE_WEB_PORT:-8025}
log=$(mktemp)
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT

[ -f target/lekwacht.jar ] || mvn -q -B package -DskipTests
LEKWACHT_DEMO_SMTP_PORT=$smtp_port LEKWACHT_DEMO_WEB_PORT=$web_port java -jar target/lekwacht.jar demo >"$log" 2>&1 &
pid=$!

for _ in $(seq 1 120); do
  grep -q "Lekwacht demo is running" "$log" && break
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "smoke: demo exited early"; exit 1; }
  sleep 1
done
grep -q "Lekwacht demo is running" "$log" || { cat "$log"; echo "smoke: demo did not start"; exit 1; }

curl -sS --fail "http://127.0.0.1:$web_port/healthz" | grep -qx ok
curl -sS --url "smtp://127.0.0.1:$smtp_port" --mail-from medewerker@gemeente.example \
     --mail-rcpt inwoner@example.org --upload-file data/demo/samples/hallo.eml

for _ in $(seq 1 30); do
  grep -q '\[capture\] arrived: .*subject="Uw afspraak" X-Lekwacht: DELIVER; none' "$log" && break
  sleep 1
done
grep -q '\[capture\] arrived: .*subject="Uw afspraak"' "$log" || { cat "$log"; echo "smoke: message did not arrive"; exit 1; }

kill -TERM $pid
for _ in $(seq 1 60); do kill -0 $pid 2>/dev/null || break; sleep 1; done
if kill -0 $pid 2>/dev/null; then echo "smoke: demo did not stop on SIGTERM"; exit 1; fi
echo "smoke: demo started, relayed a message sent with curl, stopped on SIGTERM"

#!/usr/bin/env bash
# The deployment files that can be checked without running anything: the alert rules (promtool check
# and unit tests), the dashboard (valid JSON, panels present), the metrics' documentation, the
# systemd unit (systemd-analyze verify without a single warning, and its exposure score), and the
# shipped configurations (the package's and the container's) through `check-config`.
set -euo pipefail
cd "$(dirname "$0")/../../.."
fail() { echo "static-checks: FAIL: $*" >&2; exit 1; }

promtool check rules deploy/prometheus/lekwacht-alerts.yml
(cd deploy/prometheus && promtool test rules lekwacht-alerts.test.yml)

node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const titles = d.panels.map(p => p.title);
  const want = ["Throughput", "Verdicts", "Held messages", "Delivery queue", "Next-hop errors", "Inspection time", "Parser restarts"];
  const missing = want.filter(w => !titles.some(t => t.startsWith(w)));
  if (missing.length) { console.error("dashboard lacks panels: " + missing.join(", ")); process.exit(1); }
  console.log("dashboard: valid JSON, " + d.panels.length + " panels");
' deploy/grafana/lekwacht-dashboard.json || fail "deploy/grafana/lekwacht-dashboard.json"

bash src/test/deploy/metrics-documented.sh

# verify reports problems as warnings and may still exit 0: any output is a failure here.
out=$(systemd-analyze verify deploy/lekwacht.service 2>&1) || fail "systemd-analyze verify: $out"
[ -z "$out" ] || fail "systemd-analyze verify warns: $out"
score=$(systemd-analyze security --offline=true deploy/lekwacht.service 2>&1 | sed -n 's/.*Overall exposure level for lekwacht.service: \([0-9.]*\).*/\1/p')
[ -n "$score" ] || fail "systemd-analyze security gave no score"
awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }' || fail "the unit's exposure score is $score (at most 2.0 expected)"
echo "static-checks: systemd-analyze verify clean; exposure score $score (systemd-analyze security, offline)"

# The shipped configurations pass the gateway's own check, with secrets as the package makes them.
JAR=${JAR:-target/lekwacht.jar}
[ -f "$JAR" ] || fail "$JAR not found (mvn package)"
for config in deploy/lekwacht.yml deploy/docker/lekwacht.yml; do
    out=$(env LEKWACHT_LINK_SECRET="$(head -c 32 /dev/urandom | base64)" LEKWACHT_HOLD_KEY="$(head -c 32 /dev/urandom | base64)" \
        LEKWACHT_API_TOKEN="$(head -c 32 /dev/urandom | base64 | tr -d '=' | tr '+/' '-_')" \
        java -jar "$JAR" check-config --config "$config" 2>&1) || fail "check-config refuses $config: $out"
    echo "static-checks: $out"
done

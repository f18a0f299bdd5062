#!/usr/bin/env bash
# The metrics' documentation is complete and the alert rules and dashboard use no metric it does not
# name. With a scrape (the text of GET /metrics) as argument it also checks that every metric family
# the gateway exposed is in deploy/metrics.md.
#   src/test/deploy/metrics-documented.sh [metrics.txt]
set -euo pipefail
cd "$(dirname "$0")/../../.."
DOC=deploy/metrics.md
fail() { echo "metrics-documented: FAIL: $*" >&2; exit 1; }

# Names in the doc's first table ("Exported today") and in the "Planned" table.
exported=$(awk '/^## Exported today/{on=1; next} /^## /{on=0} on' "$DOC" | grep -oE '^\| `lekwacht_[a-z_]+`' | tr -d '|` ' | sort -u)
planned=$(awk '/^## Planned/{on=1; next} /^## /{on=0} on' "$DOC" | grep -oE '^\| `lekwacht_[a-z_]+`' | tr -d '|` ' | sort -u)
[ -n "$exported" ] || fail "no metrics found in $DOC"

documented() {   # name [allow-planned]
    local name=$1 base
    base=$(sed -E 's/_(bucket|count|sum)$//' <<<"$name")
    grep -qx -- "$name" <<<"$exported" || grep -qx -- "$base" <<<"$exported" && return 0
    [ "${2:-}" = planned ] && grep -qx -- "$name" <<<"$planned" && return 0
    return 1
}

if [ $# -ge 1 ]; then
    for name in $(sed -n 's/^# TYPE \(lekwacht_[a-z_]*\) .*/\1/p' "$1" | sort -u); do
        grep -qx -- "$name" <<<"$exported" || fail "$name is exposed by the gateway but not documented in $DOC"
    done
    echo "metrics-documented: every exposed metric family ($(grep -c '^# TYPE lekwacht_' "$1")) is documented"
fi
for name in $(grep -oE 'lekwacht_[a-z_]+' deploy/prometheus/lekwacht-alerts.yml | sort -u); do
    documented "$name" || fail "deploy/prometheus/lekwacht-alerts.yml uses $name, which $DOC does not list as exported"
done
for name in $(grep -oE 'lekwacht_[a-z_]+' deploy/grafana/lekwacht-dashboard.json | sort -u); do
    documented "$name" planned || fail "deploy/grafana/lekwacht-dashboard.json uses $name, which $DOC does not list"
done
echo "metrics-documented: alert rules and dashboard use documented metrics only"

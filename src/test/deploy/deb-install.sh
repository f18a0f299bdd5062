#!/usr/bin/env bash
# The Debian package as an admin gets it: install it with dpkg, check what it put where (user, data
# directory, secrets, conffile, unit), start the gateway exactly as the unit's ExecStartPre= and
# ExecStart= say (same user, working directory, environment file, arguments) with the shipped
# configuration, check /healthz and /readyz, stop it with SIGTERM, upgrade in place (secrets kept),
# purge (data and secrets kept), reinstall (secrets back, the gateway starts on the kept store), purge.
#
# It installs a package on this machine, so it runs only where that is wanted: CI=true or
# LEKWACHT_DEB_TEST=1, as root, and never over a real installation (one without this test's marker).
# Usage: src/test/deploy/deb-install.sh [path/to/lekwacht_*.deb]   (default: the newest in target/)
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/deploy/unit-exec.sh

say() { echo "deb-install: $*"; }
fail() { echo "deb-install: FAIL: $*" >&2; exit 1; }

[ "${CI:-}" = true ] || [ "${LEKWACHT_DEB_TEST:-}" = 1 ] \
    || fail "installs and purges the lekwacht package on this machine; set LEKWACHT_DEB_TEST=1 to allow it"
[ "$(id -u)" = 0 ] || fail "dpkg needs root"

DEB=${1:-$(ls -t target/lekwacht_*_all.deb 2>/dev/null | head -1)}
[ -f "$DEB" ] || fail "no package found (mvn -B package -DskipTests builds target/lekwacht_*_all.deb)"
DATA=/var/lib/lekwacht
MARKER=$DATA/.deb-install-test
UNIT=/lib/systemd/system/lekwacht.service
ENV_FILE=/etc/lekwacht/lekwacht.env
CONFIG=/etc/lekwacht/lekwacht.yml

if dpkg-query -W -f='${Status}' lekwacht 2>/dev/null | grep -q 'installed' || [ -d "$DATA" ]; then
    [ -f "$MARKER" ] || fail "lekwacht is installed here, or $DATA exists, and not by this test: refusing to touch it"
    say "removing what an earlier run of this test left"
    dpkg --purge lekwacht >/dev/null 2>&1 || true
    rm -rf "$DATA"
fi

PID=
LOG=$(mktemp /tmp/lekwacht-deb-test.XXXXXX)
cleanup() {
    local rc=$?
    set +e
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -KILL "$PID"; fi
    if [ $rc != 0 ]; then
        echo "--- gateway output ---" >&2; tail -40 "$LOG" >&2
    fi
    rm -f "$LOG"
    exit $rc
}
trap cleanup EXIT

mode_owner() { stat -c '%a %U:%G' "$1"; }

port_of() {   # section: the port of "  listen:" under that top-level key of the config
    awk -v s="$1:" '/^[a-z]/ { in_s = ($1 == s) } in_s && $1 == "listen:" { n = split($2, p, ":"); print p[n] }' "$CONFIG"
}

wait_for_http() {   # url seconds -> prints "code body"
    local url=$1 deadline=$(( SECONDS + $2 )) code
    while [ $SECONDS -lt $deadline ]; do
        code=$(curl -s -o /tmp/lekwacht-deb-body.$$ -w '%{http_code}' "$url" 2>/dev/null || true)
        if [ "$code" != 000 ] && [ -n "$code" ]; then
            echo "$code $(cat /tmp/lekwacht-deb-body.$$)"; rm -f /tmp/lekwacht-deb-body.$$; return 0
        fi
        kill -0 "$PID" 2>/dev/null || { rm -f /tmp/lekwacht-deb-body.$$; return 1; }
        sleep 0.5
    done
    rm -f /tmp/lekwacht-deb-body.$$
    return 1
}

start_as_unit() {
    say "ExecStartPre: $(unit_value "$UNIT" ExecStartPre)"
    unit_run "$UNIT" ExecStartPre || fail "ExecStartPre (check-config) failed on the shipped configuration"
    say "ExecStart:    $(unit_value "$UNIT" ExecStart)"
    unit_run "$UNIT" ExecStart "$LOG"
    PID=$UNIT_PID
    local answer
    answer=$(wait_for_http "http://127.0.0.1:$WEB_PORT/healthz" 120) || fail "the gateway did not serve /healthz"
    [ "$answer" = "200 ok" ] || fail "/healthz answered '$answer'"
    [ "$(ps -o user= -p "$PID")" = lekwacht ] || fail "the gateway runs as $(ps -o user= -p "$PID"), not lekwacht"
}

stop_as_unit() {
    # KillMode=mixed: SIGTERM to the main process; SuccessExitStatus=143 counts as a clean stop.
    kill -TERM "$PID"
    local deadline=$(( SECONDS + 120 )) rc
    while kill -0 "$PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -0 "$PID" 2>/dev/null && fail "the gateway did not stop within 120 s of SIGTERM"
    wait "$PID" && rc=0 || rc=$?
    PID=
    [ $rc = 0 ] || [ $rc = 143 ] || fail "the gateway exited with $rc after SIGTERM (the unit accepts 0 and 143)"
    say "stopped on SIGTERM (exit $rc)"
}

# --- install ---------------------------------------------------------------------------------------
say "installing $DEB"
if ! dpkg -i "$DEB"; then
    say "installing missing dependencies"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -f
fi
[ "$(dpkg-query -W -f='${Status}' lekwacht)" = "install ok installed" ] || fail "the package is not installed"
touch "$MARKER"

# --- what it put where -----------------------------------------------------------------------------
getent passwd lekwacht >/dev/null || fail "no system user lekwacht"
[ "$(id -u lekwacht)" -lt 1000 ] || fail "lekwacht is not a system user (uid $(id -u lekwacht))"
[ "$(getent passwd lekwacht | cut -d: -f7)" = /usr/sbin/nologin ] || fail "lekwacht has a login shell"
[ "$(mode_owner $DATA)" = "750 lekwacht:lekwacht" ] || fail "$DATA is $(mode_owner $DATA)"
[ "$(mode_owner /etc/lekwacht)" = "750 root:lekwacht" ] || fail "/etc/lekwacht is $(mode_owner /etc/lekwacht)"
[ "$(mode_owner $ENV_FILE)" = "600 root:lekwacht" ] || fail "$ENV_FILE is $(mode_owner $ENV_FILE)"
dpkg-query -W -f='${Conffiles}\n' lekwacht | grep -q "^ $CONFIG " || fail "$CONFIG is not a conffile"
dpkg-deb -c "$DEB" | grep -q 'lekwacht.env' && fail "the package ships a secrets file"
for key in LEKWACHT_LINK_SECRET LEKWACHT_HOLD_KEY LEKWACHT_API_TOKEN; do
    [ "$(grep -c "^$key=" "$ENV_FILE")" = 1 ] || fail "$ENV_FILE does not set $key once"
done
hold_key=$(sed -n 's/^LEKWACHT_HOLD_KEY=//p' "$ENV_FILE")
[ "$(printf '%s' "$hold_key" | base64 -d | wc -c)" = 32 ] || fail "LEKWACHT_HOLD_KEY is not 32 bytes of base64"
[ "$(sed -n 's/^LEKWACHT_LINK_SECRET=//p' "$ENV_FILE" | tr -d '\n' | wc -c)" -ge 32 ] || fail "LEKWACHT_LINK_SECRET is shorter than 32"
grep -q "$(sed -n 's/^LEKWACHT_HOLD_KEY=//p' "$ENV_FILE")" "$CONFIG" && fail "the secret appears in the config"
for file in /usr/share/lekwacht/backup.sh /usr/bin/lekwacht; do [ -x "$file" ] || fail "$file is missing or not executable"; done
for doc in README.md metrics.md exchange-server.md exchange-online.md lekwacht.reference.yml postfix/relayhost.main.cf \
           postfix/before-queue.master.cf nginx/lekwacht.conf prometheus/lekwacht-alerts.yml grafana/lekwacht-dashboard.json; do
    [ -f "/usr/share/doc/lekwacht/$doc" ] || fail "/usr/share/doc/lekwacht/$doc is missing"
done
# The command line as root: loads the secrets, runs as the service's user.
out=$(lekwacht check-config --config "$CONFIG" 2>&1) || fail "lekwacht check-config as root: $out"
say "user, directories, modes, conffile, fresh secrets, documents and the lekwacht command are as documented"

# The unit as installed (its jar exists now): no warning from systemd's own check.
out=$(systemd-analyze verify "$UNIT" 2>&1) || fail "systemd-analyze verify: $out"
[ -z "$out" ] || fail "systemd-analyze verify warns: $out"

# --- start as the unit says ------------------------------------------------------------------------
SMTP_PORT=$(port_of smtp)
WEB_PORT=$(port_of web)
for port in "$SMTP_PORT" "$WEB_PORT"; do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && fail "port $port (from the shipped config) is in use here"
done
start_as_unit
# Readiness: the store must answer; the shipped next hop (127.0.0.1:25) need not exist here, and then
# /readyz says so with 503 and the gateway answers 451 to mail, which is the designed behaviour.
answer=$(wait_for_http "http://127.0.0.1:$WEB_PORT/readyz" 10) || fail "/readyz unreachable"
case $answer in
    "200 ready") say "/readyz: ready" ;;
    "503 not ready: next hop unreachable") say "/readyz: 503, next hop unreachable (no MTA on 127.0.0.1:25 here); the store answers" ;;
    *) fail "/readyz answered '$answer'" ;;
esac
banner=$(timeout 10 bash -c "exec 3<>/dev/tcp/127.0.0.1/$SMTP_PORT; IFS= read -r line <&3; printf '%s' \"\$line\"; printf 'QUIT\r\n' >&3" | tr -d '\r') || true
[[ $banner == 220* ]] || fail "no SMTP greeting on port $SMTP_PORT (got '$banner')"
curl -sf "http://127.0.0.1:$WEB_PORT/metrics" | grep -q '^lekwacht_smtp_sessions_active' || fail "/metrics has no lekwacht metrics"
[ "$(stat -c %U "$DATA/lekwacht.mv.db")" = lekwacht ] || fail "the store file is not the service's"
stop_as_unit

# --- upgrade in place: the secrets are never overwritten ---------------------------------------------
sum_before=$(sha256sum <"$ENV_FILE")
dpkg -i "$DEB" >/dev/null
[ "$(sha256sum <"$ENV_FILE")" = "$sum_before" ] || fail "reinstalling changed $ENV_FILE"
say "reinstalled in place: secrets unchanged"

# --- purge: data and its secrets stay ----------------------------------------------------------------
dpkg --purge lekwacht >/dev/null
[ -f "$DATA/lekwacht.mv.db" ] || fail "purge removed the store in $DATA"
[ -e /etc/lekwacht ] && fail "purge left /etc/lekwacht: $(ls -A /etc/lekwacht)"
[ "$(mode_owner "$DATA/lekwacht.env.kept")" = "600 root:root" ] || fail "purge did not keep the secrets beside the data"
say "purged: $DATA survived with its secrets ($(ls "$DATA" | tr '\n' ' '))"

# --- reinstall after purge: the kept secrets come back and open the kept store ------------------------
dpkg -i "$DEB" >/dev/null
[ "$(sha256sum <"$ENV_FILE")" = "$sum_before" ] || fail "reinstalling after purge did not restore the kept secrets"
[ -e "$DATA/lekwacht.env.kept" ] && fail "the kept secrets were copied, not moved back"
start_as_unit
stop_as_unit
say "reinstalled after purge: same secrets, the gateway starts on the kept store"

dpkg --purge lekwacht >/dev/null
[ -f "$DATA/lekwacht.mv.db" ] || fail "the second purge removed the store"
rm -rf "$DATA"
say "ok"

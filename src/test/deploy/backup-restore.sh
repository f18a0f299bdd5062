#!/usr/bin/env bash
# deploy/backup.sh, tested the way it will be needed: for an H2 store and for a PostgreSQL store, the
# gateway (the packaged jar) holds a message with a BSN; it is stopped and backed up; the store is lost
# and the secrets are replaced by fresh ones (a new machine); backup.sh restores; the gateway starts on
# the restored store, the hold is listed by the API, the notice's link still opens it, and "send" with
# a reason releases it: the released message arrives at the sink, so the content key came back too.
#
# Needs root (to read any process's open files, as backup.sh checks), smtp-sink (Postfix), java 17,
# curl, pg_dump/pg_restore/psql and PostgreSQL on 127.0.0.1:5432 (user postgres, trust) for the second
# half; without PostgreSQL that half fails unless LEKWACHT_BACKUP_TEST_PG=skip.
#   mvn -B package -DskipTests && src/test/deploy/backup-restore.sh [lekwacht_*.deb]
set -euo pipefail
cd "$(dirname "$0")/../../.."
REPO=$(pwd)
. src/test/deploy/lib.sh
PATH=$PATH:/usr/sbin:/sbin
KEEP=${KEEP:-0}

say() { echo "backup-restore: $*"; }
fail() { echo "backup-restore: FAIL: $*" >&2; exit 1; }

for tool in smtp-sink java curl dpkg-deb tar; do command -v "$tool" >/dev/null || fail "$tool not found"; done
[ "$(id -u)" = 0 ] || fail "run as root"
DEB=${1:-$(ls -t target/lekwacht_*_all.deb 2>/dev/null | head -1)}
[ -f "$DEB" ] || fail "no package found (mvn -B package -DskipTests)"

WORK=$(mktemp -d /tmp/lekwacht-backup-test.XXXXXX)
chmod 755 "$WORK"      # smtp-sink writes its files as nobody
SINK_PID=
LW_PID=
PG_DB=
cleanup() {
    local rc=$?
    set +e
    [ -n "$LW_PID" ] && { kill -TERM "$LW_PID" 2>/dev/null; wait "$LW_PID" 2>/dev/null; }
    [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null
    [ -n "$PG_DB" ] && psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1
    wait 2>/dev/null
    if [ $rc != 0 ]; then
        for f in "$WORK"/*/lekwacht*.log; do [ -f "$f" ] && { echo "--- $f ---" >&2; tail -20 "$f" >&2; }; done
    fi
    if [ "$KEEP" = 1 ] || [ $rc != 0 ]; then echo "backup-restore: work directory kept: $WORK" >&2; else rm -rf "$WORK"; fi
    exit $rc
}
trap cleanup EXIT

dpkg-deb -x "$DEB" "$WORK/pkg"
JAR=$WORK/pkg/usr/share/lekwacht/lekwacht.jar
BACKUP=$REPO/deploy/backup.sh

free_port SINK
mkdir -p "$WORK/sink"
chown nobody "$WORK/sink"
smtp-sink -u nobody -d "$WORK/sink/%H%M%S." "127.0.0.1:$SINK" 64 >"$WORK/sink.log" 2>&1 &
SINK_PID=$!
wait_until "smtp-sink" listening "$SINK"

fresh_secrets() {   # file
    {
        echo "LEKWACHT_LINK_SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
        echo "LEKWACHT_HOLD_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
        echo "LEKWACHT_API_TOKEN=$(head -c 32 /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_')"
    } >"$1"
    chmod 0600 "$1"
}

start_gateway() {   # dir: runs the jar with dir/etc/lekwacht.yml and the secrets in dir/etc/lekwacht.env
    local dir=$1
    (cd "$dir" && set -a && . etc/lekwacht.env && set +a \
        && exec java -Xmx384m -jar "$JAR" run --config etc/lekwacht.yml >>"$dir/lekwacht.log" 2>&1) &
    LW_PID=$!
    ready() { [ "$(curl -s "http://127.0.0.1:$WEB/readyz")" = ready ]; }
    wait_until "the gateway ready on $WEB" ready
}

stop_gateway() {
    kill -TERM "$LW_PID"
    wait "$LW_PID" || true
    LW_PID=
}

api_holds() {   # dir: GET /api/holds with the API token of dir's secrets
    local token
    token=$(sed -n 's/^LEKWACHT_API_TOKEN=//p' "$1/etc/lekwacht.env")
    curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$WEB/api/holds"
}

scenario() {   # kind store-url
    local kind=$1 url=$2 dir=$WORK/$1 token=held-$1-$RANDOM reply link archive before csrf code
    free_port SMTP; free_port WEB
    mkdir -p "$dir/etc" "$dir/data" "$dir/backups"
    cat >"$dir/etc/lekwacht.yml" <<EOF
smtp:
  listen: 127.0.0.1:$SMTP
  allowed-networks: [127.0.0.0/8]
  spool-directory: $dir/data/spool
downstream: {host: 127.0.0.1, port: $SINK, tls: none}
organisation: {internal-domains: [gemeente.example]}
hold:
  link-secret: "\${LEKWACHT_LINK_SECRET}"
  encryption-key: "\${LEKWACHT_HOLD_KEY}"
  notify-from: lekwacht@gemeente.example
  poll-interval: 1s
web:
  listen: 127.0.0.1:$WEB
  public-url: http://127.0.0.1:$WEB
  api-tokens:
    - {name: backup-test, token: "\${LEKWACHT_API_TOKEN}", roles: [mail-admin]}
store:
  url: "$url"
EOF
    fresh_secrets "$dir/etc/lekwacht.env"
    start_gateway "$dir"

    printf 'From: <medewerker@gemeente.example>\r\nTo: <inwoner@example.org>\r\nSubject: %s\r\nMessage-ID: <%s@gemeente.example>\r\n\r\nUw BSN is 111222333.\r\n' \
        "$token" "$token" >"$dir/held.eml"
    reply=$(curl -sS -v --url "smtp://127.0.0.1:$SMTP" --mail-from medewerker@gemeente.example \
        --mail-rcpt inwoner@example.org --upload-file "$dir/held.eml" 2>&1 | grep '< 250 2.6.0' || true)
    [ -n "$reply" ] || fail "$kind: the message with a BSN was not held"
    wait_until "$kind: the notice" sink_with "$WORK/sink" "^X-Rcpt-Args: <medewerker@gemeente.example>" "$token"
    link=$(hold_link "$(sink_with "$WORK/sink" "^X-Rcpt-Args: <medewerker@gemeente.example>" "$token")" "$WEB") \
        || fail "$kind: no link in the notice"
    api_holds "$dir" | grep -q "$token" || fail "$kind: /api/holds does not list the hold"
    if [ "$kind" = h2 ]; then
        # an H2 file in use is never copied (it could be half-written)
        "$BACKUP" backup --config "$dir/etc/lekwacht.yml" --env "$dir/etc/lekwacht.env" --out "$dir/backups" \
            --no-stop >/dev/null 2>"$dir/refused.txt" && fail "h2: backup.sh copied the store of a running gateway"
        grep -q 'is open in process' "$dir/refused.txt" || fail "h2: backup.sh failed without saying why: $(cat "$dir/refused.txt")"
    fi
    stop_gateway
    say "$kind: a message is held, its notice sent; gateway stopped"

    archive=$("$BACKUP" backup --config "$dir/etc/lekwacht.yml" --env "$dir/etc/lekwacht.env" \
        --out "$dir/backups" --no-stop) || fail "$kind: backup.sh backup failed"
    [ -f "$archive" ] && [ "$(stat -c %a "$archive")" = 600 ] || fail "$kind: no private archive ($archive)"
    tar -tzf "$archive" | grep -q 'etc/lekwacht.env' || fail "$kind: the archive lacks the secrets"
    say "$kind: backed up to $(basename "$archive") ($(du -k "$archive" | cut -f1) KB)"

    # The disaster: the store is gone and the machine has new secrets.
    before=$(sha256sum <"$dir/etc/lekwacht.env")
    case $kind in
        h2) rm -f "$dir"/data/*.mv.db ;;
        postgresql) PGOPTIONS='-c client_min_messages=warning' psql -q -h 127.0.0.1 -U postgres -d "$PG_DB" \
            -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null ;;
    esac
    fresh_secrets "$dir/etc/lekwacht.env"

    "$BACKUP" restore "$archive" --config "$dir/etc/lekwacht.yml" --env "$dir/etc/lekwacht.env" --no-stop \
        || fail "$kind: backup.sh restore failed"
    [ "$(sha256sum <"$dir/etc/lekwacht.env")" = "$before" ] || fail "$kind: the secrets were not restored"

    start_gateway "$dir"
    api_holds "$dir" | grep -q "$token" || fail "$kind: after the restore /api/holds does not list the hold"
    code=$(curl -s -o "$dir/page.html" -w '%{http_code}' "$link")
    [ "$code" = 200 ] || fail "$kind: after the restore the notice's link answers $code"
    csrf=$(grep -o 'name="csrf" value="[^"]*"' "$dir/page.html" | head -1 | sed 's/.*value="//; s/"$//')
    [ -n "$csrf" ] || fail "$kind: the hold page has no form"
    code=$(curl -s -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" --data-urlencode action=send \
        --data-urlencode "reason=Wettelijke grondslag: test van de herstelprocedure" "$link")
    case $code in 200|303) ;; *) fail "$kind: sending the held message answered $code" ;; esac
    wait_until "$kind: the released message at the sink" sink_with "$WORK/sink" "^Subject: $token" "^X-Lekwacht: "
    stop_gateway
    say "$kind: restored; the hold is listed, its link opens, and 'send' released it to the next hop"
}

scenario h2 "jdbc:h2:file:$WORK/h2/data/lekwacht"

if [ "${LEKWACHT_BACKUP_TEST_PG:-}" = skip ]; then
    say "postgresql: skipped (LEKWACHT_BACKUP_TEST_PG=skip)"
else
    for tool in pg_dump pg_restore psql; do command -v "$tool" >/dev/null || fail "$tool not found (postgresql-client)"; done
    PG_DB=lekwacht_backup_test_$$
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $PG_DB" >/dev/null \
        || fail "cannot create a database on 127.0.0.1:5432 as postgres"
    scenario postgresql "jdbc:postgresql://127.0.0.1:5432/$PG_DB?user=postgres"
fi
say "ok"

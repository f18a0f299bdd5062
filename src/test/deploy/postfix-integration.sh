#!/usr/bin/env bash
# Postfix in front of Lekwacht, with the shipped snippets (deploy/postfix/) loaded as they are; only
# the addresses their CHANGE lines name are pointed at this test's loopback ports. Two private Postfix
# instances and the jar from the Debian package:
#
#   A (relayhost.main.cf):        curl -> Postfix A -> queue -> relayhost = Lekwacht --+
#   B (before-queue.master.cf):   curl -> Postfix B :front -> smtpd_proxy_filter = Lekwacht --+
#                                                                                            |
#                       Lekwacht's next hop: Postfix B's after-Lekwacht listener <-----------+
#                       -> B's queue -> relayhost = smtp-sink (the "internet", dumps every message)
#
# Checked: clean mail arrives (both ways); mail with a BSN is held (both ways: Postfix A logs Lekwacht's
# "250 2.6.0 Held", the client of B sees it), its notice arrives and its link opens the hold page;
# while Lekwacht's next hop is down (Postfix B stopped) Lekwacht answers 451 and Postfix A defers the
# message (never bounces it), and delivers it once the next hop is back.
#
# Needs root (Postfix master), postfix + smtp-sink (Debian: postfix, "No configuration": the system's
# own Postfix stays stopped and port 25 untouched), java 17, curl, and the package:
#   mvn -B package -DskipTests && src/test/deploy/postfix-integration.sh [lekwacht_*.deb]
# Everything runs on 127.0.0.1, on free ports; all is stopped at the end; the work directory is kept
# (and named) only when something failed, or with KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/../../.."
REPO=$(pwd)
. src/test/deploy/lib.sh
PATH=$PATH:/usr/sbin:/sbin
TIMEOUT=${TIMEOUT:-60}       # seconds to wait for any one condition
KEEP=${KEEP:-0}

say() { echo "postfix-it: $*"; }
fail() { echo "postfix-it: FAIL: $*" >&2; exit 1; }

for tool in postfix postconf postqueue smtp-sink java curl dpkg-deb; do
    command -v "$tool" >/dev/null || fail "$tool not found (apt-get install postfix; java 17; curl)"
done
[ "$(id -u)" = 0 ] || fail "a Postfix master process runs as root"
DEB=${1:-$(ls -t target/lekwacht_*_all.deb 2>/dev/null | head -1)}
[ -f "$DEB" ] || fail "no package found (mvn -B package -DskipTests builds target/lekwacht_*_all.deb)"

WORK=$(mktemp -d /tmp/lekwacht-postfix-it.XXXXXX)
chmod 755 "$WORK"
SINK_PID=
LW_PID=
STARTED=()
STARTED_NGINX=

stop_postfix() {   # instance
    local dir=$WORK/$1 pid
    postfix -c "$dir/etc" stop >/dev/null 2>&1 || true
    for _ in $(seq 1 100); do
        pid=$(tr -d ' ' <"$dir/queue/pid/master.pid" 2>/dev/null || true)
        [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    set +e
    for instance in "${STARTED[@]}"; do stop_postfix "$instance"; done
    if [ -n "$STARTED_NGINX" ] && [ -s "$STARTED_NGINX/nginx.pid" ]; then kill -QUIT "$(cat "$STARTED_NGINX/nginx.pid")" 2>/dev/null; fi
    if [ -n "$LW_PID" ]; then
        kill -TERM "$LW_PID" 2>/dev/null
        for _ in $(seq 1 100); do kill -0 "$LW_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$LW_PID" 2>/dev/null
    fi
    [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null
    wait 2>/dev/null
    if [ $rc != 0 ]; then
        for f in "$WORK"/a/maillog "$WORK"/b/maillog "$WORK"/lekwacht/lekwacht.log; do
            [ -f "$f" ] && { echo "--- $f (last lines) ---" >&2; tail -25 "$f" >&2; }
        done
    fi
    if [ "$KEEP" = 1 ] || [ $rc != 0 ]; then
        echo "postfix-it: work directory kept: $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the package's jar -----------------------------------------------------------------------------
dpkg-deb -x "$DEB" "$WORK/pkg"
JAR=$WORK/pkg/usr/share/lekwacht/lekwacht.jar
[ -f "$JAR" ] || fail "$DEB has no /usr/share/lekwacht/lekwacht.jar"

free_port SINK; free_port A_SMTPD; free_port B_FRONT; free_port B_AFTER
free_port LW_SMTP; free_port LW_WEB

# --- the sink: stands for the internet behind Postfix B; one file per message -------------------------
mkdir -p "$WORK/sink"
chown nobody "$WORK/sink"
smtp-sink -u nobody -d "$WORK/sink/%H%M%S." "127.0.0.1:$SINK" 64 >"$WORK/sink.log" 2>&1 &
SINK_PID=$!
wait_until "smtp-sink on $SINK" listening "$SINK"

# --- two private Postfix instances -----------------------------------------------------------------------
# base_main NAME: what any throw-away instance needs (its own queue, log file, loopback only, no local
# delivery). Retries every second, so that "delivers once the next hop is back" is seen within the test;
# production keeps Postfix's own retry times.
base_main() {
    cat <<EOF
compatibility_level = 3.6
queue_directory = $WORK/$1/queue
data_directory = $WORK/$1/data
command_directory = $(postconf -dh command_directory)
daemon_directory = $(postconf -dh daemon_directory)
mail_owner = postfix
setgid_group = postdrop
syslog_name = postfix-it-$1
maillog_file = $WORK/$1/maillog
maillog_file_prefixes = $WORK
myhostname = postfix-$1.localdomain
mydomain = localdomain
myorigin = \$myhostname
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
local_recipient_maps =
local_transport = error:5.1.1 local delivery disabled
alias_maps =
alias_database =
smtpd_tls_security_level = none
smtp_tls_security_level = none
biff = no
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
EOF
}
base_master() {
    cat <<'EOF'
pickup     unix  n - n 60    1 pickup
cleanup    unix  n - n -     0 cleanup
qmgr       unix  n - n 300   1 qmgr
rewrite    unix  - - n -     - trivial-rewrite
bounce     unix  - - n -     0 bounce
defer      unix  - - n -     0 bounce
trace      unix  - - n -     0 bounce
verify     unix  - - n -     1 verify
flush      unix  n - n 1000? 0 flush
proxymap   unix  - - n -     - proxymap
proxywrite unix  - - n -     1 proxymap
smtp       unix  - - n -     - smtp
relay      unix  - - n -     - smtp
showq      unix  n - n -     - showq
error      unix  - - n -     - error
retry      unix  - - n -     - error
discard    unix  - - n -     - discard
anvil      unix  - - n -     1 anvil
scache     unix  - - n -     1 scache
postlog    unix-dgram n - n - 1 postlogd
EOF
}

# shipped FILE FROM TO [FROM TO ...]: the snippet with each address FROM (named on a CHANGE line of the
# file, present exactly once) replaced by TO; nothing else is touched.
shipped() {
    local file=$REPO/deploy/postfix/$1 text count
    shift
    text=$(cat "$file")
    while [ $# -gt 0 ]; do
        count=$(grep -cF -- "$1" <<<"$text" || true)
        [ "$count" = 1 ] || fail "$file: expected '$1' once, found it $count times"
        text=${text//"$1"/"$2"}
        shift 2
    done
    printf '%s\n' "$text"
}

start_postfix() {   # instance
    local dir=$WORK/$1
    chown postfix "$dir/data"
    postfix -c "$dir/etc" check >"$dir/check.out" 2>&1 || { cat "$dir/check.out" >&2; fail "postfix check ($1)"; }
    [ -s "$dir/check.out" ] && { cat "$dir/check.out" >&2; fail "postfix check ($1) warns about the configuration"; }
    postfix -c "$dir/etc" start >"$dir/start.out" 2>&1 || { cat "$dir/start.out" >&2; fail "postfix start ($1)"; }
}

for instance in a b; do mkdir -p "$WORK/$instance/etc" "$WORK/$instance/queue" "$WORK/$instance/data"; done
# A: the organisation's Postfix, smart-host way.
{ base_main a; echo; shipped relayhost.main.cf "[lekwacht.gemeente.example]:2525" "[127.0.0.1]:$LW_SMTP"; } >"$WORK/a/etc/main.cf"
{ base_master; echo "127.0.0.1:$A_SMTPD inet n - n - - smtpd"; } >"$WORK/a/etc/master.cf"
# B: before-queue way, and Lekwacht's next hop; its own mail to the internet goes to the sink.
{ base_main b; echo "relayhost = [127.0.0.1]:$SINK"; } >"$WORK/b/etc/main.cf"
{ base_master; echo; shipped before-queue.master.cf "10.0.0.25:25" "127.0.0.1:$B_FRONT" \
    "[127.0.0.1]:2525" "[127.0.0.1]:$LW_SMTP" "127.0.0.1:10025" "127.0.0.1:$B_AFTER"; } >"$WORK/b/etc/master.cf"

STARTED+=(b); start_postfix b
wait_until "Postfix B's listeners" bash -c "(exec 3<>/dev/tcp/127.0.0.1/$B_FRONT) && (exec 3<>/dev/tcp/127.0.0.1/$B_AFTER)" 2>/dev/null
STARTED+=(a); start_postfix a
wait_until "Postfix A on $A_SMTPD" listening "$A_SMTPD"

# --- Lekwacht: the packaged jar, `run` with a test configuration ------------------------------------------
mkdir -p "$WORK/lekwacht"
cat >"$WORK/lekwacht/lekwacht.yml" <<EOF
smtp:
  listen: 127.0.0.1:$LW_SMTP
  hostname: lekwacht-it.localdomain
  allowed-networks: [127.0.0.0/8]
  spool-directory: $WORK/lekwacht/spool
downstream:
  host: 127.0.0.1
  port: $B_AFTER
  tls: none
organisation:
  internal-domains: [gemeente.example]
hold:
  link-secret: "\${LEKWACHT_LINK_SECRET}"
  encryption-key: "\${LEKWACHT_HOLD_KEY}"
  notify-from: lekwacht@gemeente.example
web:
  listen: 127.0.0.1:$LW_WEB
  public-url: http://127.0.0.1:$LW_WEB
  api-tokens: []
store:
  url: jdbc:h2:file:$WORK/lekwacht/data/lekwacht
EOF
export LEKWACHT_LINK_SECRET LEKWACHT_HOLD_KEY
LEKWACHT_LINK_SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
LEKWACHT_HOLD_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
(cd "$WORK/lekwacht" && java -jar "$JAR" check-config --config lekwacht.yml >check.out 2>&1) \
    || { cat "$WORK/lekwacht/check.out" >&2; fail "Lekwacht refuses the test configuration"; }
(cd "$WORK/lekwacht" && exec java -Xmx512m -jar "$JAR" run --config lekwacht.yml >lekwacht.log 2>&1) &
LW_PID=$!
ready() { [ "$(curl -s "http://127.0.0.1:$LW_WEB/readyz" 2>/dev/null)" = ready ]; }
wait_until "Lekwacht /readyz = ready (store and next hop answer)" ready
say "sink :$SINK, Postfix A :$A_SMTPD, Postfix B :$B_FRONT (after Lekwacht :$B_AFTER), Lekwacht :$LW_SMTP web :$LW_WEB"

# --- helpers for messages ---------------------------------------------------------------------------------
SENDER=medewerker@gemeente.example
RECIPIENT=inwoner@example.org

# message TOKEN BODY: a message whose Message-ID and Subject carry TOKEN.
message() {
    printf 'From: Medewerker <%s>\r\nTo: <%s>\r\nSubject: %s\r\nMessage-ID: <%s@gemeente.example>\r\nDate: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n%s\r\n' \
        "$SENDER" "$RECIPIENT" "$1" "$1" "$(date -R)" "$2" >"$WORK/$1.eml"
}

# submit PORT TOKEN: sends the message with curl; prints curl's protocol trace to WORK/TOKEN.curl.
submit() {
    curl -sS -v --url "smtp://127.0.0.1:$1" --mail-from "$SENDER" --mail-rcpt "$RECIPIENT" \
        --upload-file "$WORK/$2.eml" >"$WORK/$2.curl" 2>&1 || { cat "$WORK/$2.curl" >&2; fail "submitting $2 to port $1"; }
}

# at_sink PATTERN: a message at the sink matches the extended regular expression (prints its file).
at_sink() { sink_with "$WORK/sink" "$1"; }

# queue_id INSTANCE TOKEN: Postfix's queue id of the message with that Message-ID.
queue_id() { sed -n "s/.*: \([0-9A-F]\{6,\}\): message-id=<$2@gemeente.example>.*/\1/p" "$WORK/$1/maillog" 2>/dev/null | head -1 | grep .; }

logged() { grep -qE -- "$2" "$WORK/$1/maillog" 2>/dev/null; }

# --- 1. clean mail arrives, both ways in --------------------------------------------------------------------
message clean-a "Beste inwoner, uw afspraak is morgen om 10:00 uur. Met vriendelijke groet."
submit "$A_SMTPD" clean-a
wait_until "clean-a at the sink" at_sink "^Subject: clean-a"
grep -q '^X-Lekwacht: DELIVER' "$(at_sink '^Subject: clean-a')" || fail "clean-a arrived without X-Lekwacht: DELIVER"
qid=$(queue_id a clean-a)
logged a "$qid: to=<$RECIPIENT>, relay=127.0.0.1\[127.0.0.1\]:$LW_SMTP, .*status=sent \(250 " || fail "Postfix A did not log clean-a as sent via Lekwacht"
say "relayhost way: clean mail arrived, marked DELIVER"

message clean-b "Beste inwoner, de vergadering is verplaatst naar donderdag."
submit "$B_FRONT" clean-b
wait_until "clean-b at the sink" at_sink "^Subject: clean-b"
grep -q '^X-Lekwacht: DELIVER' "$(at_sink '^Subject: clean-b')" || fail "clean-b arrived without X-Lekwacht: DELIVER"
say "before-queue way: clean mail arrived, marked DELIVER"

# --- 2. a BSN is held; its notice comes back through the next hop ------------------------------------------
BSN=111222333   # passes the 11-proef: 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*3 = 66 = 6*11
notice_for() {   # token: the notice about that message (its subject is quoted in the notice)
    sink_with "$WORK/sink" "^X-Rcpt-Args: <$SENDER>" "$1"
}

message bsn-a "Beste inwoner, in de bijlage van uw aanvraag staat uw BSN: $BSN."
submit "$A_SMTPD" bsn-a
qid=$(wait_until "bsn-a in Postfix A's log" queue_id a bsn-a; queue_id a bsn-a)
wait_until "Postfix A logs Lekwacht's held reply for bsn-a" logged a "$qid: to=<$RECIPIENT>, .*status=sent \(250 2\.6\.0 Held for sender confirmation"
wait_until "the notice about bsn-a at the sink" notice_for bsn-a
link=$(hold_link "$(notice_for bsn-a)" "$LW_WEB") || fail "no /h/ link in the notice about bsn-a"
code=$(curl -s -o "$WORK/hold-page.html" -w '%{http_code}' "$link")
[ "$code" = 200 ] || fail "the notice's link answered $code"
at_sink "^Subject: bsn-a" >/dev/null && fail "bsn-a reached the sink although it was held"
say "relayhost way: BSN mail held (Postfix logged 250 2.6.0), notice arrived via the next hop, its link opens the hold page"

message bsn-b "Beste inwoner, uw BSN is $BSN, zoals gevraagd."
submit "$B_FRONT" bsn-b
grep -q '< 250 2\.6\.0 Held for sender confirmation' "$WORK/bsn-b.curl" || fail "the client of Postfix B did not get Lekwacht's held reply"
wait_until "the notice about bsn-b at the sink" notice_for bsn-b
at_sink "^Subject: bsn-b" >/dev/null && fail "bsn-b reached the sink although it was held"
say "before-queue way: the client got 250 2.6.0 Held from Lekwacht through Postfix; notice arrived"

# --- 2b. the public web side through the shipped nginx example --------------------------------------------------
# NGINX_BIN names an nginx binary (CI unpacks Debian's). Not "NGINX": nginx reads that as inherited sockets.
if [ -n "${NGINX_BIN:-}" ]; then
    N=$WORK/nginx
    mkdir -p "$N/tmp"
    free_port P80; free_port P443
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=lekwacht.gemeente.example \
        -keyout "$N/key.pem" -out "$N/cert.pem" >/dev/null 2>&1 || fail "openssl could not make a test certificate"
    # the shipped file; only its listen addresses, certificate paths and Lekwacht's port are this test's
    sed -e "s|listen 80;|listen 127.0.0.1:$P80;|" -e "s|listen \[::\]:80;|listen [::1]:$P80;|" \
        -e "s|listen 443 ssl http2;|listen 127.0.0.1:$P443 ssl http2;|" \
        -e "s|listen \[::\]:443 ssl http2;|listen [::1]:$P443 ssl http2;|" \
        -e "s|/etc/ssl/lekwacht/fullchain.pem|$N/cert.pem|" -e "s|/etc/ssl/lekwacht/privkey.pem|$N/key.pem|" \
        -e "s|127.0.0.1:8025|127.0.0.1:$LW_WEB|g" "$REPO/deploy/nginx/lekwacht.conf" >"$N/lekwacht.conf"
    {
        echo "user root root;"
        echo "pid $N/nginx.pid;"
        echo "error_log $N/error.log;"
        echo "events {}"
        echo "http {"
        echo "    access_log $N/access.log;"
        for kind in client_body proxy fastcgi uwsgi scgi; do echo "    ${kind}_temp_path $N/tmp/$kind;"; done
        echo "    include $N/lekwacht.conf;"
        echo "}"
    } >"$N/nginx.conf"
    "$NGINX_BIN" -p "$N" -c "$N/nginx.conf" -t >"$N/t.out" 2>&1 || { cat "$N/t.out" >&2; fail "nginx -t refuses the shipped example"; }
    grep -q warn "$N/t.out" && { cat "$N/t.out" >&2; fail "nginx -t warns about the shipped example"; }
    "$NGINX_BIN" -p "$N" -c "$N/nginx.conf" || fail "nginx did not start"
    STARTED_NGINX=$N
    wait_until "nginx on $P443" listening "$P443"
    via() { curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$P443$1"; }
    [ "$(via /melden)" = 200 ] || fail "through nginx /melden answered $(via /melden)"
    hold_path=${link#http://127.0.0.1:$LW_WEB}
    [ "$(via "$hold_path")" = 200 ] || fail "through nginx the hold link answered $(via "$hold_path")"
    for internal in /register /admin/holds /api/holds /metrics /melden/medewerker /login /readyz; do
        [ "$(via "$internal")" = 403 ] || fail "nginx let $internal through from outside the internal networks"
    done
    curl -sk -D - -o /dev/null "https://127.0.0.1:$P443/melden" | grep -qi '^strict-transport-security:' \
        || fail "no HSTS header through nginx"
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$P80/melden")" = 301 ] || fail "plain HTTP is not redirected"
    say "nginx example: TLS; /melden and the hold link public; /register /admin /api /metrics /login refused from outside the internal networks; HTTP redirected"
else
    say "nginx example not exercised (set NGINX_BIN to an nginx binary; CI does)"
fi

# --- 3. next hop down: 451, Postfix defers (no bounce), then delivers ---------------------------------------
stop_postfix b
wait_until "Postfix B (Lekwacht's next hop) stopped" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$B_AFTER)" 2>/dev/null
message later-a "Beste inwoner, hierbij de bevestiging van uw afspraak."
submit "$A_SMTPD" later-a
qid=$(wait_until "later-a in Postfix A's log" queue_id a later-a; queue_id a later-a)
wait_until "Postfix A defers later-a on Lekwacht's 451" logged a "$qid: to=<$RECIPIENT>, .*status=deferred \(host 127\.0\.0\.1\[127\.0\.0\.1\] said: 451 4\.4\.1"
postqueue -c "$WORK/a/etc" -j | grep -q "\"queue_id\": \"$qid\"" || fail "later-a is not in Postfix A's queue while deferred"
not_ready() { curl -s "http://127.0.0.1:$LW_WEB/readyz" 2>/dev/null | grep -q 'next hop unreachable'; }
wait_until "Lekwacht's /readyz to report the next hop" not_ready
say "next hop down: Lekwacht answered 451 4.4.1, Postfix A deferred the message and kept it queued; /readyz says why"

start_postfix b
wait_until "Postfix B back" listening "$B_AFTER"
wait_until "later-a at the sink after the next hop came back" at_sink "^Subject: later-a"
wait_until "Postfix A logs later-a as sent" logged a "$qid: to=<$RECIPIENT>, .*status=sent \(250 "
for instance in a b; do
    logged "$instance" "status=bounced|sender non-delivery notification" && fail "Postfix $instance bounced a message"
done
grep -l '^X-Mail-Args: <>' "$WORK"/sink/* >/dev/null 2>&1 && fail "a bounce (null sender) reached the sink"
say "next hop back: Postfix A delivered the deferred message; nothing bounced"

# --- 4. every metric the gateway exposed after all this is documented ----------------------------------------
curl -sf "http://127.0.0.1:$LW_WEB/metrics" >"$WORK/metrics.txt" || fail "/metrics"
bash "$REPO/src/test/deploy/metrics-documented.sh" "$WORK/metrics.txt" || fail "deploy/metrics.md misses a metric"
say "ok"

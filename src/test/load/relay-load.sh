#!/usr/bin/env bash
# Load figure: messages per second for the same load, in one run, through
#   (a) nothing: smtp-source straight into smtp-sink (what the load tools can do on this machine),
#   (b) Postfix as relay: a private, throw-away Postfix instance with relayhost = the sink,
#   (c) Lekwacht: target/lekwacht.jar with a throw-away config and H2 store, next hop = the sink.
# The load is Postfix's smtp-source: MESSAGES messages of SIZE bytes of body, SESSIONS parallel
# sessions, RECIPIENTS recipients per message. Each target first gets WARMUP untimed messages.
# The Postfix figure includes delivery: the clock stops when the sink has received every message
# and the Postfix queue is empty, not when Postfix has accepted them. Lekwacht answers 250 only
# after the sink accepted, so there the clock stops when smtp-source is done (and the sink count
# is checked the same way). Lekwacht runs its real configuration: every detector, attachment
# extraction, recipient history in an H2 store. Besides msg/s the table shows the CPU time the
# relay (Postfix: all its processes; Lekwacht: the JVM and its children) used per message, which
# is the steadier figure on a machine that is busy with other work.
#
# Needs: smtp-source, smtp-sink, postfix, postconf (Debian: apt-get install postfix; choose
# "No configuration" and the system's own Postfix stays unconfigured and stopped), java 17, curl.
# The Postfix phase runs a Postfix master process, which needs root. Loopback only, random free
# ports. Everything is stopped at the end, also on failure or Ctrl-C; the temp directory is
# removed after a good run and kept, with all logs, after a failed one.
#
# Usage: src/test/load/relay-load.sh            (from the repository root, after mvn package)
# Settings (environment): MESSAGES=2000 SESSIONS=20 SIZE=10240 RECIPIENTS=3 WARMUP=200
#   JAR=target/lekwacht.jar JAVA_OPTS="-Xmx1g" (as deploy/lekwacht.service) PHASE_TIMEOUT=900
#   KEEP=1 (keep the temp dir)
set -euo pipefail

MESSAGES=${MESSAGES:-2000}
SESSIONS=${SESSIONS:-20}
SIZE=${SIZE:-10240}
RECIPIENTS=${RECIPIENTS:-3}
WARMUP=${WARMUP:-200}
JAR=${JAR:-target/lekwacht.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
PHASE_TIMEOUT=${PHASE_TIMEOUT:-900}
KEEP=${KEEP:-0}
SENDER=loadtest@gemeente.example      # its domain is Lekwacht's internal domain below
RECIPIENT=rcpt@extern.example
HELO=load-source.localdomain

PATH=$PATH:/usr/sbin:/sbin
export PATH

die() { echo "relay-load: $*" >&2; exit 1; }

for tool in smtp-source smtp-sink postfix postconf java curl; do
    command -v "$tool" >/dev/null 2>&1 && continue
    case $tool in
        smtp-source|smtp-sink|postfix|postconf)
            die "$tool not found. It comes with Postfix: apt-get install postfix (Debian/Ubuntu; pick \"No configuration\"), it lives in /usr/sbin" ;;
        *) die "$tool not found" ;;
    esac
done
[ "$(id -u)" = 0 ] || die "the Postfix phase starts a private Postfix master process, which must run as root"
[ -f "$JAR" ] || die "$JAR not found: build it first (mvn -B package -DskipTests)"
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")

WORK=$(mktemp -d /tmp/lekwacht-load.XXXXXX)
chmod 755 "$WORK"      # the postfix user must reach the private queue directory inside it
SINK_PID=
LEKWACHT_PID=
PF_CONF=$WORK/postfix/etc
PF_STARTED=0

cleanup() {
    local rc=$?
    set +e
    if [ "$PF_STARTED" = 1 ]; then
        postfix -c "$PF_CONF" stop >/dev/null 2>&1 || postfix -c "$PF_CONF" abort >/dev/null 2>&1
        local pidfile=$WORK/postfix/queue/pid/master.pid
        for _ in $(seq 1 50); do
            [ -s "$pidfile" ] && kill -0 "$(tr -d ' ' <"$pidfile")" 2>/dev/null || break
            sleep 0.2
        done
        [ -s "$pidfile" ] && kill -9 "$(tr -d ' ' <"$pidfile")" 2>/dev/null
    fi
    if [ -n "$LEKWACHT_PID" ]; then
        kill -TERM "$LEKWACHT_PID" 2>/dev/null
        for _ in $(seq 1 100); do kill -0 "$LEKWACHT_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$LEKWACHT_PID" 2>/dev/null
    fi
    [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null
    wait 2>/dev/null
    if [ "$KEEP" = 1 ] || [ $rc != 0 ]; then
        echo "relay-load: logs and data kept in $WORK" >&2
        [ "$KEEP" = 1 ] || { echo "relay-load: (remove it when done)" >&2; }
    else
        rm -rf "$WORK"
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free loopback port: nothing answers on it now.
free_port() {
    local port
    while :; do
        port=$(( 20000 + RANDOM % 40000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

wait_for_port() {   # port seconds
    for _ in $(seq 1 $(( $2 * 5 ))); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.2
    done
    return 1
}

now() { date +%s.%N; }

# CPU seconds used so far by process $1 and all its descendants, reaped ones included.
cpu_seconds() {
    [ -n "$1" ] || { echo 0; return; }
    local pids=" $1 " frontier=$1 next
    while [ -n "$frontier" ]; do
        next=$(ps -e -o pid=,ppid= | awk -v f=" $frontier " 'index(f, " " $2 " ") { printf "%s ", $1 }')
        pids="$pids$next"
        frontier=${next% }
    done
    local ticks=0 pid fields
    for pid in $pids; do
        # fields 14-17 of /proc/PID/stat: utime stime cutime cstime (after the ")" of the name)
        fields=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 + $14 + $15 }') || continue
        ticks=$(( ticks + ${fields:-0} ))
    done
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f\n", t / hz }'
}

# Messages the sink has received since it started (its -c counter line, last value).
sink_count() {
    tr '\r' '\n' <"$WORK/sink.out" | sed -n 's/.*mesg=\([0-9]*\).*/\1/p' | tail -1 | grep . || echo 0
}

# Waits until the sink has received $1 messages in total and the check "$2" (if any) holds.
wait_for_sink() {
    local target=$1 extra=${2:-true} deadline=$(( $(date +%s) + PHASE_TIMEOUT ))
    while [ "$(sink_count)" -lt "$target" ] || ! $extra; do
        [ "$(date +%s)" -lt "$deadline" ] || die "timed out: the sink has $(sink_count) of $target messages"
        sleep 0.05
    done
}

postfix_queue_empty() {
    [ -z "$(find "$WORK/postfix/queue/maildrop" "$WORK/postfix/queue/incoming" "$WORK/postfix/queue/active" \
        "$WORK/postfix/queue/deferred" "$WORK/postfix/queue/hold" -type f 2>/dev/null | head -1)" ]
}

# Sends $1 messages to port $2 with the load's shape; fails on any refused message.
send() {
    smtp-source -s "$SESSIONS" -m "$1" -l "$SIZE" -r "$RECIPIENTS" -f "$SENDER" -t "$RECIPIENT" \
        -M "$HELO" "127.0.0.1:$2" >>"$WORK/source.out" 2>&1 \
        || { tail -5 "$WORK/source.out" >&2; die "smtp-source to port $2 failed"; }
}

# Warm-up, then the timed run; prints the seconds taken and the CPU seconds the relay process
# tree (pid in $4, if any) used meanwhile. $3: extra completion check.
measure() {   # name port check [relay-pid]
    local name=$1 port=$2 check=$3 relay=${4:-} start end target cpu_start cpu_end
    echo "relay-load: $name: $WARMUP warm-up messages" >&2
    target=$(( $(sink_count) + WARMUP ))
    send "$WARMUP" "$port"
    wait_for_sink "$target" "$check"
    target=$(( $(sink_count) + MESSAGES ))
    echo "relay-load: $name: $MESSAGES messages, $SESSIONS sessions" >&2
    cpu_start=$(cpu_seconds "$relay")
    start=$(now)
    send "$MESSAGES" "$port"
    wait_for_sink "$target" "$check"
    end=$(now)
    cpu_end=$(cpu_seconds "$relay")
    awk -v s="$start" -v e="$end" -v c0="$cpu_start" -v c1="$cpu_end" 'BEGIN { printf "%.2f %.2f\n", e - s, c1 - c0 }'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the sink --------------------------------------------------------------------------------
SINK_PORT=$(free_port)
smtp-sink -u nobody -c -m 512 "127.0.0.1:$SINK_PORT" 1024 >"$WORK/sink.out" 2>&1 &
SINK_PID=$!
wait_for_port "$SINK_PORT" 10 || die "smtp-sink did not start: $(cat "$WORK/sink.out")"

# --- (b) a private Postfix instance, relaying everything to the sink -----------------------------
PF_PORT=$(free_port)
mkdir -p "$PF_CONF" "$WORK/postfix/queue" "$WORK/postfix/data"
cat >"$PF_CONF/main.cf" <<EOF
# throw-away instance for the load figure; never the system's own Postfix
compatibility_level = 3.6
queue_directory = $WORK/postfix/queue
data_directory = $WORK/postfix/data
command_directory = $(postconf -dh command_directory)
daemon_directory = $(postconf -dh daemon_directory)
mail_owner = postfix
setgid_group = postdrop
syslog_name = postfix-load
maillog_file = $WORK/postfix/maillog
maillog_file_prefixes = $WORK
myhostname = postfix-load.localdomain
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
relayhost = [127.0.0.1]:$SINK_PORT
smtpd_tls_security_level = none
smtp_tls_security_level = none
biff = no
EOF
cat >"$PF_CONF/master.cf" <<EOF
127.0.0.1:$PF_PORT inet n - n - - smtpd
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
chown postfix "$WORK/postfix/data"
postfix -c "$PF_CONF" check >"$WORK/postfix/check.out" 2>&1 || { cat "$WORK/postfix/check.out" >&2; die "postfix check failed"; }
PF_STARTED=1
postfix -c "$PF_CONF" start >"$WORK/postfix/start.out" 2>&1 || { cat "$WORK/postfix/start.out" >&2; die "postfix did not start"; }
wait_for_port "$PF_PORT" 20 || die "the private Postfix does not listen on $PF_PORT (see $WORK/postfix/maillog)"

# --- (c) Lekwacht, next hop = the sink ---------------------------------------------------------------
LW_PORT=$(free_port)
WEB_PORT=$(free_port)
mkdir -p "$WORK/lekwacht"
cat >"$WORK/lekwacht/lekwacht.yml" <<EOF
# throw-away config for the load figure: defaults everywhere except where things live
smtp:
  listen: 127.0.0.1:$LW_PORT
  hostname: lekwacht-load.localdomain
  allowed-networks: [127.0.0.0/8]
  max-connections-per-client: $(( SESSIONS * 2 ))
  spool-directory: $WORK/lekwacht/spool
downstream:
  host: 127.0.0.1
  port: $SINK_PORT
  tls: none
organisation:
  internal-domains: [${SENDER#*@}]
hold:
  link-secret: "$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  encryption-key: "$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
web:
  listen: 127.0.0.1:$WEB_PORT
  public-url: http://127.0.0.1:$WEB_PORT
  api-tokens: []
store:
  url: jdbc:h2:file:$WORK/lekwacht/data/lekwacht
EOF
(cd "$WORK/lekwacht" && java -jar "$JAR" check-config --config lekwacht.yml >check.out 2>&1) \
    || { cat "$WORK/lekwacht/check.out" >&2; die "Lekwacht refuses the load config"; }
(cd "$WORK/lekwacht" && exec java $JAVA_OPTS -jar "$JAR" run --config lekwacht.yml >lekwacht.log 2>&1) &
LEKWACHT_PID=$!
for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$WEB_PORT/healthz" >/dev/null 2>&1 && break
    kill -0 "$LEKWACHT_PID" 2>/dev/null || { tail -20 "$WORK/lekwacht/lekwacht.log" >&2; die "Lekwacht exited"; }
    sleep 0.2
done
wait_for_port "$LW_PORT" 5 || { tail -20 "$WORK/lekwacht/lekwacht.log" >&2; die "Lekwacht does not listen on $LW_PORT"; }

# --- the runs, one after the other --------------------------------------------------------------
PF_MASTER=$(tr -d ' ' <"$WORK/postfix/queue/pid/master.pid")
read -r T_SINK _ < <(measure "smtp-sink directly" "$SINK_PORT" true)
read -r T_POSTFIX C_POSTFIX < <(measure "Postfix relay" "$PF_PORT" postfix_queue_empty "$PF_MASTER")
read -r T_LEKWACHT C_LEKWACHT < <(measure "Lekwacht" "$LW_PORT" true "$LEKWACHT_PID")
[ -n "${T_SINK:-}" ] && [ -n "${T_POSTFIX:-}" ] && [ -n "${T_LEKWACHT:-}" ] || die "a measurement failed"

# every message Lekwacht relayed was accepted with 250 and logged as delivered
relayed=$(grep -c 'verdict=DELIVER .*reply=250' "$WORK/lekwacht/lekwacht.log" || true)
[ "$relayed" -eq $(( WARMUP + MESSAGES )) ] \
    || die "Lekwacht logged $relayed delivered messages, expected $(( WARMUP + MESSAGES ))"

row() {   # label seconds [cpu-seconds]
    awk -v l="$1" -v t="$2" -v c="${3:-}" -v n="$MESSAGES" 'BEGIN {
        printf "| %-36s | %7.2f | %7.1f | %17s |\n", l, t, n / t, c == "" ? "-" : sprintf("%.2f", c * 1000 / n) }'
}
echo
echo "Load figure, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before the run $LOAD_BEFORE"
echo "$MESSAGES messages of $SIZE bytes, $RECIPIENTS recipients each, $SESSIONS parallel sessions (smtp-source), after $WARMUP warm-up messages"
echo "$(postconf -dh mail_version | sed 's/^/Postfix /'), $(java -version 2>&1 | head -1)"
echo
echo "| path                                 | seconds |   msg/s | relay CPU ms/msg  |"
echo "|--------------------------------------|--------:|--------:|------------------:|"
row "smtp-source -> smtp-sink" "$T_SINK"
row "smtp-source -> Postfix -> smtp-sink" "$T_POSTFIX" "$C_POSTFIX"
row "smtp-source -> Lekwacht -> smtp-sink" "$T_LEKWACHT" "$C_LEKWACHT"

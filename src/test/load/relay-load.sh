#!/usr/bin/env bash
# Load table: for each load, in one run, messages per second through
#   (a) nothing: smtp-source straight into smtp-sink (what the load tools can do on this machine),
#   (b) Postfix as relay: a private, throw-away Postfix instance with relayhost = the sink,
#   (c) Lekwacht: target/lekwacht.jar with a throw-away config and H2 store, next hop = the sink,
# and per load the latency Lekwacht adds (one session, the same messages to the sink directly and
# through Lekwacht, timed per transaction at the client), the CPU time per message and the peak
# resident memory of the gateway together with its parser processes.
#
# A load is SIZE:RECIPIENTS:SESSIONS[:mix]: smtp-source sends messages of SIZE bytes of body to
# RECIPIENTS recipients over SESSIONS parallel sessions; with "mix" one message in ten (sent by two
# extra smtp-source processes, one session each, with -F) is a short letter with a clean PDF or
# DOCX attachment, which Lekwacht extracts in its parser processes. Each target first gets an
# untimed warm-up of a tenth of the messages.
# The Postfix figure includes delivery: the clock stops when the sink has received every message and
# the Postfix queue is empty, not when Postfix has accepted them. Lekwacht answers 250 only after the
# sink accepted, so there the clock stops when smtp-source is done (the sink count is checked too).
# Lekwacht runs its real configuration: every detector, attachment extraction, recipient history in
# an H2 store. CPU is utime+stime of the process tree (reaped children included) per message, the
# steadier figure on a busy machine; for Lekwacht that is the JVM and its parser processes. Peak RSS
# is the sum of each process's high-water mark (reset before the load with /proc/PID/clear_refs), an
# upper bound of what the tree held at once.
#
# Needs: smtp-source, smtp-sink, postfix, postconf (Debian: apt-get install postfix; choose
# "No configuration" and the system's own Postfix stays unconfigured and stopped), java 17 (the JDK:
# the latency client is src/test/load/LoadClient.java, run from source), curl. The Postfix phase
# runs a Postfix master process, which needs root. Loopback only, random free ports. Everything is
# stopped at the end, also on failure or Ctrl-C; the temp directory is removed after a good run and
# kept, with all logs, after a failed one.
#
# Usage: src/test/load/relay-load.sh            (from the repository root, after mvn package)
# Settings (environment):
#   LOADS="10240:1:1 10240:1:20 10240:20:1 10240:20:20 1048576:1:1 1048576:1:20 1048576:20:1 1048576:20:20 10240:1:20:mix"
#   MESSAGES=2000 (loads up to 100 KB) MESSAGES_LARGE=200 (larger loads)
#   LATENCY=300 LATENCY_LARGE=30 (timed transactions per latency measurement, after a tenth as warm-up)
#   JAR=target/lekwacht.jar JAVA_OPTS="-Xmx1g" (as deploy/lekwacht.service) PHASE_TIMEOUT=900
#   JFR=FILE.jfr (record a JFR profile of Lekwacht from after start-up to the end and print where the time went)
#   KEEP=1 (keep the temp dir)
set -euo pipefail

LOADS=${LOADS:-"10240:1:1 10240:1:20 10240:20:1 10240:20:20 1048576:1:1 1048576:1:20 1048576:20:1 1048576:20:20 10240:1:20:mix"}
MESSAGES=${MESSAGES:-2000}
MESSAGES_LARGE=${MESSAGES_LARGE:-200}
LATENCY=${LATENCY:-300}
LATENCY_LARGE=${LATENCY_LARGE:-30}
JAR=${JAR:-target/lekwacht.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
PHASE_TIMEOUT=${PHASE_TIMEOUT:-900}
KEEP=${KEEP:-0}
JFR=${JFR:-}
SENDER=loadtest@gemeente.example      # its domain is Lekwacht's internal domain below
RECIPIENT=rcpt@extern.example
HELO=load-source.localdomain
HERE=$(cd "$(dirname "$0")" && pwd)

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
if [ -n "$JFR" ]; then
    JFR=$(cd "$(dirname "$JFR")" && pwd)/$(basename "$JFR")
    command -v jcmd >/dev/null && command -v jfr >/dev/null || die "JFR needs jcmd and jfr (the JDK)"
fi

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

# free_port NAME: sets NAME to a loopback port nothing answers on now, below the kernel's ephemeral
# range (so no outgoing connection takes it before the bind) and not handed out before in this run.
FREE_PORTS_GIVEN=" "
free_port() {
    local low port
    low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null)
    [ "${low:-0}" -gt 12000 ] 2>/dev/null || low=32768
    while :; do
        port=$(( 10000 + RANDOM % (low - 10000) ))
        case $FREE_PORTS_GIVEN in *" $port "*) continue ;; esac
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
        FREE_PORTS_GIVEN="$FREE_PORTS_GIVEN$port "
        printf -v "$1" %s "$port"
        return
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

# Process $1 and all its descendants.
tree() {
    [ -n "$1" ] || return 0
    local pids=" $1 " frontier=$1 next
    while [ -n "$frontier" ]; do
        next=$(ps -e -o pid=,ppid= | awk -v f=" $frontier " 'index(f, " " $2 " ") { printf "%s ", $1 }')
        pids="$pids$next"
        frontier=${next% }
    done
    echo $pids
}

# CPU seconds used so far by process $1 and all its descendants, reaped ones included.
cpu_seconds() {
    [ -n "$1" ] || { echo 0; return; }
    local ticks=0 pid fields
    for pid in $(tree "$1"); do
        # fields 14-17 of /proc/PID/stat: utime stime cutime cstime (after the ")" of the name)
        fields=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 + $14 + $15 }') || continue
        ticks=$(( ticks + ${fields:-0} ))
    done
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f\n", t / hz }'
}

# Resets the peak-RSS mark of every process in the tree of $1 ...
reset_peak_rss() {
    local pid
    for pid in $(tree "$1"); do echo 5 >"/proc/$pid/clear_refs" 2>/dev/null || true; done
}

# ... and adds them up (MB) afterwards.
peak_rss_mb() {
    local pid kb=0 hwm
    for pid in $(tree "$1"); do
        hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) || continue
        kb=$(( kb + ${hwm:-0} ))
    done
    echo $(( kb / 1024 ))
}

# Messages the sink has received since it started (its -c counter line, last value).
sink_count() {
    tr '\r' '\n' <"$WORK/sink.out" | sed -n 's/.*mesg=\([0-9]*\).*/\1/p' | tail -1 | grep . || echo 0
}

# Waits until the sink has received $1 messages in total and the check "$2" (if any) holds.
wait_for_sink() {
    local target=$1 extra=${2:-true} timeout=${3:-$PHASE_TIMEOUT} deadline
    deadline=$(( $(date +%s) + timeout ))
    while [ "$(sink_count)" -lt "$target" ] || ! $extra; do
        [ "$(date +%s)" -lt "$deadline" ] || die "timed out: the sink has $(sink_count) of $target messages"
        sleep 0.05
    done
}

postfix_queue_empty() {
    [ -z "$(find "$WORK/postfix/queue/maildrop" "$WORK/postfix/queue/incoming" "$WORK/postfix/queue/active" \
        "$WORK/postfix/queue/deferred" "$WORK/postfix/queue/hold" -type f 2>/dev/null | head -1)" ]
}

# Sends $1 messages to port $2 with the current load's shape; fails on any refused message. With the
# mix, a tenth of them go as attachment letters over two extra sessions, at the same time.
send() {
    local count=$1 port=$2 attached=0 pids=() rc=0
    if [ "$MIX" = 1 ]; then
        attached=$(( count / 20 ))
        smtp-source -s 1 -m "$attached" -F "$WORK/files/attach-pdf.eml" -r "$RCPTS" -f "$SENDER" -t "$RECIPIENT" \
            -M "$HELO" "127.0.0.1:$port" >>"$WORK/source.out" 2>&1 & pids+=($!)
        smtp-source -s 1 -m "$attached" -F "$WORK/files/attach-docx.eml" -r "$RCPTS" -f "$SENDER" -t "$RECIPIENT" \
            -M "$HELO" "127.0.0.1:$port" >>"$WORK/source.out" 2>&1 & pids+=($!)
    fi
    smtp-source -s "$(( SESSIONS - 2 * (attached > 0) ))" -m "$(( count - 2 * attached ))" -l "$SIZE" -r "$RCPTS" \
        -f "$SENDER" -t "$RECIPIENT" -M "$HELO" "127.0.0.1:$port" >>"$WORK/source.out" 2>&1 & pids+=($!)
    for pid in "${pids[@]}"; do wait "$pid" || rc=1; done
    [ $rc = 0 ] || { tail -5 "$WORK/source.out" >&2; die "smtp-source to port $port failed"; }
}

# Warm-up, then the timed run; prints the seconds taken, the CPU seconds the relay process tree (pid
# in $4, if any) used meanwhile and its peak RSS in MB. $3: extra completion check.
measure() {   # name port check [relay-pid]
    local name=$1 port=$2 check=$3 relay=${4:-} start end target cpu_start cpu_end warmup=$(( COUNT / 10 ))
    echo "relay-load: $LOAD_NAME, $name: $warmup warm-up messages" >&2
    target=$(( $(sink_count) + warmup ))
    send "$warmup" "$port"
    wait_for_sink "$target" "$check"
    target=$(( $(sink_count) + COUNT ))
    echo "relay-load: $LOAD_NAME, $name: $COUNT messages" >&2
    reset_peak_rss "$relay"
    cpu_start=$(cpu_seconds "$relay")
    start=$(now)
    send "$COUNT" "$port"
    # Lekwacht answered 250 only after the sink had the message: it must be there already
    wait_for_sink "$target" "$check" "$([ "$name" = Lekwacht ] && echo 30 || echo "$PHASE_TIMEOUT")"
    end=$(now)
    cpu_end=$(cpu_seconds "$relay")
    awk -v s="$start" -v e="$end" -v c0="$cpu_start" -v c1="$cpu_end" -v m="$([ -n "$relay" ] && peak_rss_mb "$relay" || echo -)" \
        'BEGIN { printf "%.3f %.2f %s\n", e - s, c1 - c0, m }'
}

# Added latency of one session: p50 and p99 (ms) through Lekwacht minus those straight into the sink.
latency() {
    local count=$LATENCY every=0 direct via
    [ "$SIZE" -le 102400 ] || count=$LATENCY_LARGE
    [ "$MIX" = 1 ] && every=10
    echo "relay-load: $LOAD_NAME, latency: $count transactions in one session, direct and through Lekwacht" >&2
    direct=$(java "$HERE/LoadClient.java" latency 127.0.0.1 "$SINK_PORT" "$count" $(( count / 10 + 5 )) "$SIZE" "$RCPTS" "$every" "$WORK/files") \
        || die "latency client failed against the sink"
    via=$(java "$HERE/LoadClient.java" latency 127.0.0.1 "$LW_PORT" "$count" $(( count / 10 + 5 )) "$SIZE" "$RCPTS" "$every" "$WORK/files") \
        || die "latency client failed against Lekwacht"
    echo "$direct $via" >>"$WORK/latency.out"
    awk -v d="$direct" -v v="$via" 'BEGIN { split(d, a, " "); split(v, b, " "); printf "%.2f %.2f %.2f %.2f\n", b[1] - a[1], b[2] - a[2], b[1], b[2] }'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
UPTIME_BEFORE=$(uptime)
mkdir -p "$WORK/files"
java "$HERE/LoadClient.java" files "$WORK/files" || die "could not write the attachment messages"

# --- the sink --------------------------------------------------------------------------------
free_port SINK_PORT
smtp-sink -u nobody -c -m 512 "127.0.0.1:$SINK_PORT" 1024 >"$WORK/sink.out" 2>&1 &
SINK_PID=$!
wait_for_port "$SINK_PORT" 10 || die "smtp-sink did not start: $(cat "$WORK/sink.out")"

# --- (b) a private Postfix instance, relaying everything to the sink -----------------------------
free_port PF_PORT
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
free_port LW_PORT
free_port WEB_PORT
mkdir -p "$WORK/lekwacht"
cat >"$WORK/lekwacht/lekwacht.yml" <<EOF
# throw-away config for the load figure: defaults everywhere except where things live
smtp:
  listen: 127.0.0.1:$LW_PORT
  hostname: lekwacht-load.localdomain
  allowed-networks: [127.0.0.0/8]
  max-connections-per-client: 100
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

# --- the runs: per load, the three paths one after the other, then the latency ---------------------
PF_MASTER=$(tr -d ' ' <"$WORK/postfix/queue/pid/master.pid")
ROWS=()
# the profile starts after start-up, so it shows the time spent on mail, not on migrations and class loading
[ -z "$JFR" ] || jcmd "$LEKWACHT_PID" JFR.start name=load settings=profile >/dev/null || die "JFR.start failed"
for load in $LOADS; do
    IFS=: read -r SIZE RCPTS SESSIONS MIXED <<<"$load"
    MIX=0; [ "${MIXED:-}" = mix ] && MIX=1
    COUNT=$MESSAGES; [ "$SIZE" -le 102400 ] || COUNT=$MESSAGES_LARGE
    if [ "$SIZE" -ge 1048576 ]; then human="$(( SIZE / 1048576 )) MB"; else human="$(( SIZE / 1024 )) KB"; fi
    LOAD_NAME="$human, $RCPTS rcpt, $SESSIONS sess$([ $MIX = 1 ] && echo ", 10% PDF/DOCX" || true)"
    delivered_before=$(grep -c 'verdict=DELIVER .*reply=250' "$WORK/lekwacht/lekwacht.log" || true)
    read -r T_A _ _ < <(measure "smtp-sink directly" "$SINK_PORT" true)
    read -r T_B C_B _ < <(measure "Postfix relay" "$PF_PORT" postfix_queue_empty "$PF_MASTER")
    read -r T_C C_C M_C < <(measure "Lekwacht" "$LW_PORT" true "$LEKWACHT_PID")
    [ -n "${T_A:-}" ] && [ -n "${T_B:-}" ] && [ -n "${T_C:-}" ] || die "a measurement failed"
    delivered=$(( $(grep -c 'verdict=DELIVER .*reply=250' "$WORK/lekwacht/lekwacht.log" || true) - delivered_before ))
    [ "$delivered" -eq $(( COUNT + COUNT / 10 )) ] \
        || die "$LOAD_NAME: Lekwacht logged $delivered delivered messages, expected $(( COUNT + COUNT / 10 )) (a hold or refusal: not clean mail)"
    read -r L50 L99 V50 V99 < <(latency)
    ROWS+=("$(awk -v l="$LOAD_NAME" -v n="$COUNT" -v a="$T_A" -v b="$T_B" -v c="$T_C" -v cb="$C_B" -v cc="$C_C" \
        -v m="$M_C" -v l50="$L50" -v l99="$L99" -v v50="$V50" -v v99="$V99" 'BEGIN {
        ra = n / a; rb = n / b; rc = n / c
        printf "| %-34s | %5d | %7.0f | %5.0f | %5.0f | %4.0f%% | %5.2f | %6.2f (%.2f) | %6.2f (%.2f) | %6.2f | %6.2f | %6d |",
            l, n, ra, rb, rc, 100 * rc / ra, rc / rb, l50, v50, l99, v99, cb * 1000 / n, cc * 1000 / n, m }')")
    printf '%s\n' "${ROWS[-1]}" >&2
done

# Lekwacht's own view of the same run: its inspection timer on /metrics (every message above, warm-up
# and latency runs included)
METRICS=$(curl -fsS "http://127.0.0.1:$WEB_PORT/metrics") || die "no /metrics"
grep -q '^lekwacht_message_inspection_seconds_bucket' <<<"$METRICS" || die "/metrics has no inspection histogram"
OWN=$(awk '
    /^lekwacht_message_inspection_seconds_count/ { n = $2 }
    /^lekwacht_message_inspection_seconds_sum/ { s = $2 }
    /^lekwacht_message_inspection_seconds_bucket\{le="0.005"/ { b5 = $2 }
    /^lekwacht_message_inspection_seconds_max/ { mx = $2 }
    END { printf "%d messages, mean %.2f ms, %.1f%% within 5 ms, slowest of the last minutes %.0f ms", n, n ? s * 1000 / n : 0, n ? 100 * b5 / n : 0, mx * 1000 }' <<<"$METRICS")

echo
echo "Load table, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), load average before the run $LOAD_BEFORE"
echo "$(postconf -dh mail_version | sed 's/^/Postfix /'), $(java -version 2>&1 | head -1), Lekwacht with $JAVA_OPTS"
echo "Messages per load after a tenth as warm-up: $MESSAGES (up to 100 KB), $MESSAGES_LARGE (1 MB); latency: $LATENCY / $LATENCY_LARGE transactions in one session"
echo
echo "| load                               |   msgs | (a) sink msg/s | (b) Postfix | (c) Lekwacht | c/a | c/b | added p50 ms (p50 via Lekwacht) | added p99 ms (p99 via Lekwacht) | CPU ms/msg Postfix | CPU ms/msg Lekwacht | peak RSS MB Lekwacht |"
echo "|------------------------------------|------:|--------:|------:|------:|-----:|------:|--------------:|--------------:|-------:|-------:|-------:|"
printf '%s\n' "${ROWS[@]}"
echo
echo "Lekwacht's own inspection timer (lekwacht_message_inspection_seconds on /metrics): $OWN"
if [ -n "$JFR" ]; then
    jcmd "$LEKWACHT_PID" JFR.dump name=load filename="$JFR" >/dev/null || die "JFR.dump failed"
    echo
    echo "Profile of Lekwacht over all loads ($JFR, jdk.ExecutionSample), by the innermost Lekwacht method"
    echo "on the stack (what our code was doing when the time went, libraries below it included):"
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$JFR" | awk '
        /stackTrace = \[/ { inside = 1; first = ""; own = ""; next }
        inside && /^[ \t]*\]/ { inside = 0; n++; mine[own == "" ? "(no Lekwacht frame: " pkg ")" : own]++; next }
        inside { f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f); sub(/\(.*/, "", f)
                 if (first == "") { first = f; pkg = f; sub(/\.[^.]*\.[^.]*$/, "", pkg) }
                 if (own == "" && f ~ /^nl\.lekwacht\./) own = f }
        END { for (f in mine) printf "%5.1f%%  %s\n", 100 * mine[f] / n, f; printf "%5d   samples\n", n }' | sort -rn | awk 'NR <= 20'   # reads all: head would end the run with SIGPIPE under pipefail
fi

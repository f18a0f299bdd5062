# shellcheck shell=bash
# Sourced by the deploy tests: ports, waiting, and reading what the sink captured. The sourcing
# script defines fail() and may set TIMEOUT (seconds for any one condition, default 60).

# free_port NAME: sets the variable NAME to a loopback port nothing answers on now. The port lies
# below the kernel's ephemeral range, so an outgoing connection of a program under test cannot take
# it between the pick and the bind (a backup test once lost its web port that way), and no port is
# handed out twice in one run (two picks made before anything binds could otherwise coincide).
FREE_PORTS_GIVEN=" "
free_port() {
    local low port
    low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null)
    [ "${low:-0}" -gt 12000 ] 2>/dev/null || low=32768
    while :; do
        port=$(( 10000 + RANDOM % (low - 10000) ))
        case $FREE_PORTS_GIVEN in *" $port "*) continue ;; esac
        listening "$port" && continue
        FREE_PORTS_GIVEN="$FREE_PORTS_GIVEN$port "
        printf -v "$1" %s "$port"
        return
    done
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until DESCRIPTION COMMAND...: polls COMMAND until it succeeds, at most ${TIMEOUT:-60} seconds.
wait_until() {
    local what=$1 deadline=$(( SECONDS + ${TIMEOUT:-60} ))
    shift
    until "$@" >/dev/null; do
        [ $SECONDS -lt $deadline ] || fail "timed out after ${TIMEOUT:-60}s waiting for: $what"
        sleep 0.2
    done
}

# hold_link FILE PORT: the first /h/ link to 127.0.0.1:PORT in a captured notice, with quoted-printable
# soft line breaks undone (the link is plain ASCII and never needs more decoding than that).
hold_link() {
    sed -e ':a' -e '/=\r\{0,1\}$/{N;s/=\r\{0,1\}\n//;ba' -e '}' "$1" | tr -d '\r' \
        | grep -oE "http://127\.0\.0\.1:$2/h/[A-Za-z0-9_-]+" | head -1 | grep .
}

# sink_with DIR PATTERN...: the first captured message in DIR matching every extended regular expression.
sink_with() {
    local dir=$1 files
    shift
    files=$(ls "$dir"/* 2>/dev/null) || return 1
    for pattern in "$@"; do
        files=$(grep -lE -- "$pattern" $files 2>/dev/null) || return 1
    done
    head -1 <<<"$files" | grep .
}

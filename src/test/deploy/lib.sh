# shellcheck shell=bash
# Sourced by the deploy tests: ports, waiting, and reading what the sink captured. The sourcing
# script defines fail() and may set TIMEOUT (seconds for any one condition, default 60).

free_port() {   # a loopback port nothing answers on now
    local port
    while :; do
        port=$(( 20000 + RANDOM % 40000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
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

# shellcheck shell=bash
# Sourced by the deploy tests: runs a command of a systemd unit the way systemd would run it, on a
# machine where systemd is not the init (CI). It reads the unit's User=, Group=, WorkingDirectory=,
# Environment= and EnvironmentFile= and runs ExecStartPre= / ExecStart= as written, so a test of
# "the service starts" tests the unit file itself, not a copy of its command line.
# What it does not do, and says so: the sandboxing directives (ProtectSystem=, PrivateTmp=, ...) need
# systemd itself; `systemd-analyze verify` and `systemd-analyze security` check those statically.

# unit_value FILE KEY: the value of the last KEY= line of the [Service] section (empty when absent).
unit_value() {
    awk -v key="$2" '
        /^\[/ { section = $0; next }
        section == "[Service]" && index($0, key "=") == 1 { value = substr($0, length(key) + 2) }
        END { print value }' "$1"
}

# unit_values FILE KEY: every KEY= line of [Service], one value a line, in order.
unit_values() {
    awk -v key="$2" '
        /^\[/ { section = $0; next }
        section == "[Service]" && index($0, key "=") == 1 { print substr($0, length(key) + 2) }' "$1"
}

# unit_environment FILE: the service's environment as NAME=VALUE lines: Environment= first, then
# EnvironmentFile= (which overrides it, as in systemd). Only the simple forms are understood
# (NAME=value, no quotes or continuations); anything else fails loudly rather than being guessed.
unit_environment() {
    local unit=$1 line file optional
    while IFS= read -r line; do
        [ -z "$line" ] && continue
        case $line in
            *\"*|*\'*|*\\*) echo "unit-exec: quoted Environment= not supported: $line" >&2; return 1 ;;
        esac
        for word in $line; do echo "$word"; done
    done < <(unit_values "$unit" Environment)
    while IFS= read -r file; do
        [ -z "$file" ] && continue
        optional=0
        case $file in -*) optional=1; file=${file#-} ;; esac
        if [ ! -r "$file" ]; then
            [ $optional = 1 ] && continue
            echo "unit-exec: EnvironmentFile $file is missing (systemd would refuse to start)" >&2
            return 1
        fi
        while IFS= read -r line; do
            case $line in ''|'#'*|';'*) continue ;; esac
            case $line in
                [A-Za-z_]*=*) echo "$line" ;;
                *) echo "unit-exec: cannot read line of $file: ${line%%=*}..." >&2; return 1 ;;
            esac
        done <"$file"
    done < <(unit_values "$unit" EnvironmentFile)
}

# unit_command FILE KEY: the words of an Exec line with $NAME (split at spaces) and ${NAME} (one
# word) expanded from the unit's environment, one word a line (NUL-free values only).
unit_command() {
    local unit=$1 key=$2 value env_lines word name
    value=$(unit_value "$unit" "$key")
    [ -n "$value" ] || { echo "unit-exec: $unit has no $key=" >&2; return 1; }
    case $value in
        [-@+!:]*|*\"*|*\'*|*\\*) echo "unit-exec: $key= prefixes and quoting are not supported: $value" >&2; return 1 ;;
    esac
    env_lines=$(unit_environment "$unit") || return 1
    lookup() { printf '%s\n' "$env_lines" | awk -v n="$1" 'index($0, n "=") == 1 { v = substr($0, length(n) + 2) } END { print v }'; }
    for word in $value; do
        if [[ $word =~ ^\$([A-Za-z_][A-Za-z0-9_]*)$ ]]; then
            name=${BASH_REMATCH[1]}
            for part in $(lookup "$name"); do echo "$part"; done
        elif [[ $word =~ ^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$ ]]; then
            lookup "${BASH_REMATCH[1]}"
        elif [[ $word == *'$'* ]]; then
            echo "unit-exec: variable inside a word not supported: $word" >&2; return 1
        else
            echo "$word"
        fi
    done
}

# unit_run FILE KEY [LOG]: runs the Exec line KEY as the unit's user and group, in its working directory,
# with only the unit's environment (plus PATH, LANG, as systemd sets them). In the foreground without
# LOG; with LOG in the background, output to LOG and the process id in UNIT_PID.
unit_run() {
    local unit=$1 key=$2 log=${3:-} user group dir mask
    local -a cmd env_args
    user=$(unit_value "$unit" User)
    group=$(unit_value "$unit" Group)
    dir=$(unit_value "$unit" WorkingDirectory)
    mask=$(unit_value "$unit" UMask)
    mapfile -t cmd < <(unit_command "$unit" "$key")
    [ ${#cmd[@]} -gt 0 ] || return 1
    mapfile -t env_args < <(unit_environment "$unit")
    local -a run=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
        "HOME=$dir" "USER=$user" "LOGNAME=$user" "${env_args[@]}")
    if [ -n "$user" ]; then
        run=(setpriv --reuid="$user" --regid="${group:-$user}" --init-groups "${run[@]}")
    fi
    if [ -z "$log" ]; then
        (umask "${mask:-0022}" && cd "${dir:-/}" && exec "${run[@]}" "${cmd[@]}")
    else
        (umask "${mask:-0022}" && cd "${dir:-/}" && exec "${run[@]}" "${cmd[@]}") >"$log" 2>&1 &
        UNIT_PID=$!   # read by the sourcing script
        export UNIT_PID
    fi
}

#!/usr/bin/env bash
# Backup and restore of one Lekwacht installation: the store AND the secrets that open it, together.
# Held mail is encrypted with hold.encryption-key and links are signed with hold.link-secret; a store
# restored without them is useless, and a gateway refuses to start on a store whose recorded secret
# fingerprints differ from its own.
#
#   backup.sh backup  [--out DIR] [options]     writes DIR/lekwacht-<host>-<UTC time>.tar.gz (mode 0600)
#   backup.sh restore ARCHIVE [options]         puts store, configuration and secrets back
#
# Options (defaults are the Debian package's layout):
#   --config FILE   the configuration (/etc/lekwacht/lekwacht.yml); store.url, .username, .password are read from it
#   --env FILE      the secrets (/etc/lekwacht/lekwacht.env)
#   --out DIR       where backups go (/var/backups/lekwacht)
#   --no-stop       do not stop and start the lekwacht service; the caller has stopped the gateway
#                   (with an H2 store the script refuses while any process has the store file open)
#
# Store kinds:
#   H2 file (one instance): the gateway is stopped for the copy (seconds; the sending MTA keeps and retries
#     its mail meanwhile), then started again.
#   PostgreSQL: pg_dump while the gateways run (a consistent snapshot). Restore with every instance stopped
#     (pg_restore --clean replaces the tables); with several instances stop them all first and use --no-stop.
#
# The archive holds the secrets: keep it where only administrators can read it, encrypted off the host
# (e.g. gpg --encrypt), and test a restore now and then (this script's test does: src/test/deploy).
set -euo pipefail
umask 077

CONFIG=/etc/lekwacht/lekwacht.yml
ENV_FILE=/etc/lekwacht/lekwacht.env
OUT=/var/backups/lekwacht
SERVICE=lekwacht
STOP=1
SERVICE_STOPPED=0

say() { echo "lekwacht-backup: $*" >&2; }
die() { echo "lekwacht-backup: $*" >&2; exit 1; }

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'; exit 2; }

[ $# -ge 1 ] || usage
ACTION=$1
shift
ARCHIVE=
if [ "$ACTION" = restore ]; then
    [ $# -ge 1 ] || usage
    ARCHIVE=$1
    shift
fi
while [ $# -gt 0 ]; do
    case $1 in
        --config) CONFIG=$2; shift 2 ;;
        --env) ENV_FILE=$2; shift 2 ;;
        --out) OUT=$2; shift 2 ;;
        --no-stop) STOP=0; shift ;;
        -h|--help) usage ;;
        *) die "unknown option $1 (--help)" ;;
    esac
done
case $ACTION in backup|restore) ;; *) usage ;; esac

# --- reading the store settings from the configuration ------------------------------------------------
# store_key KEY: the value of "  KEY:" under the top-level "store:" of $CONFIG, unquoted, without a
# trailing " # comment", with ${NAME} and ${NAME:-default} taken from the secrets file, as the gateway does.
store_key() {
    local raw
    raw=$(awk -v key="$1" '
        /^[^ #]/ { in_store = ($1 == "store:") ; next }
        in_store && $1 == key ":" { sub(/^[ ]*[^:]*:[ ]*/, ""); print; exit }' "$CONFIG")
    raw=$(sed -E 's/[[:space:]]+#.*$//; s/^"(.*)"$/\1/; s/^'"'"'(.*)'"'"'$/\1/' <<<"$raw")
    expand "$raw"
}

env_value() {   # NAME: from the secrets file (last assignment), else empty
    [ -r "$ENV_FILE" ] || return 0
    sed -n "s/^$1=//p" "$ENV_FILE" | tail -1
}

expand() {
    local text=$1 name default value
    while [[ $text =~ \$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\} ]]; do
        name=${BASH_REMATCH[1]}
        default=${BASH_REMATCH[3]}
        value=$(env_value "$name")
        [ -n "$value" ] || value=$default
        text=${text/"${BASH_REMATCH[0]}"/$value}
    done
    printf '%s' "$text"
}

[ -r "$CONFIG" ] || die "cannot read $CONFIG (--config)"
URL=$(store_key url)
[ -n "$URL" ] || URL=jdbc:h2:file:./data/lekwacht
case $URL in
    jdbc:h2:file:*) KIND=h2 ;;
    jdbc:postgresql:*) KIND=postgresql ;;
    *) die "store.url $URL: only jdbc:h2:file: and jdbc:postgresql: are supported" ;;
esac

h2_file() {   # the .mv.db file of the H2 URL (relative paths are relative to the service's directory)
    local path=${URL#jdbc:h2:file:}
    path=${path%%;*}
    case $path in
        /*) ;;
        ~/*) die "store.url with ~ is not supported here" ;;
        *) path=/var/lib/lekwacht/${path#./} ;;
    esac
    echo "$path.mv.db"
}

# pg_target: "postgresql://user@host:port/db" for pg_dump/pg_restore, PGPASSWORD exported
pg_target() {
    local rest=${URL#jdbc:postgresql:} hostpart db query user pass
    rest=${rest#//}
    hostpart=${rest%%/*}
    db=${rest#*/}
    query=
    case $db in *\?*) query=${db#*\?}; db=${db%%\?*} ;; esac
    user=$(store_key username)
    pass=$(store_key password)
    local param
    for param in ${query//&/ }; do
        case $param in
            user=*) [ -n "$user" ] || user=${param#user=} ;;
            password=*) [ -n "$pass" ] || pass=${param#password=} ;;
        esac
    done
    [ -n "$pass" ] && export PGPASSWORD=$pass
    echo "postgresql://${user:+$user@}$hostpart/$db"
}

# --- the service ------------------------------------------------------------------------------------------
have_systemd() { [ -d /run/systemd/system ] && command -v systemctl >/dev/null; }

stop_service() {
    [ $STOP = 1 ] || return 0
    if have_systemd && systemctl is-active --quiet "$SERVICE"; then
        say "stopping $SERVICE (the sending MTA keeps its mail and retries)"
        systemctl stop "$SERVICE"
        SERVICE_STOPPED=1
    fi
}

start_service() {
    if [ $SERVICE_STOPPED = 1 ]; then
        say "starting $SERVICE"
        systemctl start "$SERVICE"
        SERVICE_STOPPED=0
    fi
}
STAGE=
trap '[ -z "$STAGE" ] || rm -rf "$STAGE"; start_service' EXIT

refuse_if_open() {   # file: no process may have it open while it is copied or replaced
    local fd
    for fd in /proc/[0-9]*/fd/*; do
        [ "$(readlink "$fd" 2>/dev/null)" = "$1" ] || continue
        die "$1 is open in process ${fd#/proc/} (the gateway still runs?): stop it first, or drop --no-stop"
    done
}

# --- backup -----------------------------------------------------------------------------------------------
backup() {
    [ -r "$ENV_FILE" ] || die "cannot read the secrets $ENV_FILE (--env): a backup without them cannot be restored"
    local name
    STAGE=$(mktemp -d)
    mkdir -p "$STAGE/etc" "$STAGE/store"
    cp -p "$CONFIG" "$STAGE/etc/lekwacht.yml"
    cp -p "$ENV_FILE" "$STAGE/etc/lekwacht.env"
    case $KIND in
        h2)
            local file
            file=$(h2_file)
            [ -f "$file" ] || die "no H2 store at $file"
            stop_service
            refuse_if_open "$file"
            cp -p "$file" "$STAGE/store/lekwacht.mv.db"
            start_service
            ;;
        postgresql)
            command -v pg_dump >/dev/null || die "pg_dump not found (apt-get install postgresql-client)"
            pg_dump --format=custom --no-owner --no-privileges --file="$STAGE/store/lekwacht.pgdump" "$(pg_target)"
            ;;
    esac
    {
        echo "created=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "host=$(hostname)"
        echo "store=$KIND"
        echo "store-url=${URL%%\?*}"
        echo "package=$(dpkg-query -W -f='${Version}' lekwacht 2>/dev/null || echo none)"
    } >"$STAGE/MANIFEST"
    mkdir -p "$OUT"
    name=$OUT/lekwacht-$(hostname -s 2>/dev/null || hostname)-$(date -u +%Y%m%dT%H%M%SZ).tar.gz
    tar -C "$STAGE" -czf "$name.partial" MANIFEST etc store
    chmod 0600 "$name.partial"
    mv "$name.partial" "$name"
    say "wrote $name ($KIND store, configuration and secrets; keep it private)"
    echo "$name"
}

# --- restore ----------------------------------------------------------------------------------------------
restore() {
    [ -f "$ARCHIVE" ] || die "no archive $ARCHIVE"
    local kind stamp
    STAGE=$(mktemp -d)
    tar -C "$STAGE" -xzf "$ARCHIVE"
    [ -f "$STAGE/MANIFEST" ] && [ -f "$STAGE/etc/lekwacht.env" ] || die "$ARCHIVE is not a Lekwacht backup"
    kind=$(sed -n 's/^store=//p' "$STAGE/MANIFEST")
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    # The store kind and address come from the backed-up configuration, which is restored too.
    CONFIG_TARGET=$CONFIG
    CONFIG=$STAGE/etc/lekwacht.yml
    ENV_TARGET=$ENV_FILE
    ENV_FILE=$STAGE/etc/lekwacht.env
    URL=$(store_key url)
    [ -n "$URL" ] || URL=jdbc:h2:file:./data/lekwacht
    stop_service
    case $kind in
        h2)
            local file
            file=$(h2_file)
            refuse_if_open "$file"
            mkdir -p "$(dirname "$file")"
            [ -f "$file" ] && mv "$file" "$file.before-restore-$stamp"
            cp "$STAGE/store/lekwacht.mv.db" "$file"
            if getent passwd lekwacht >/dev/null; then chown lekwacht:lekwacht "$file"; fi
            chmod 0600 "$file"
            ;;
        postgresql)
            command -v pg_restore >/dev/null || die "pg_restore not found (apt-get install postgresql-client)"
            pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
                --dbname="$(pg_target)" "$STAGE/store/lekwacht.pgdump"
            ;;
        *) die "unknown store kind '$kind' in $ARCHIVE" ;;
    esac
    for pair in "$STAGE/etc/lekwacht.yml:$CONFIG_TARGET" "$STAGE/etc/lekwacht.env:$ENV_TARGET"; do
        local from=${pair%%:*} to=${pair#*:}
        [ -f "$to" ] && ! cmp -s "$from" "$to" && cp -p "$to" "$to.before-restore-$stamp"
        cp "$from" "$to"
    done
    if getent group lekwacht >/dev/null; then chown root:lekwacht "$ENV_TARGET" "$CONFIG_TARGET"; fi
    chmod 0600 "$ENV_TARGET"
    chmod 0640 "$CONFIG_TARGET"
    say "restored the $kind store, $CONFIG_TARGET and $ENV_TARGET from $ARCHIVE (what they replaced: *.before-restore-$stamp)"
    start_service
}

"$ACTION"

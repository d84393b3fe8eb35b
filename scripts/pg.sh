#!/usr/bin/env bash
# A throwaway local PostgreSQL cluster for tests and benchmarks (Debian's postgresql,
# installed by scripts/setup.sh).
#
#   bash scripts/pg.sh start DIR   a cluster in DIR, listening on 127.0.0.1 only (a free
#                                  port from 54329 up) and on a socket in DIR/sock, with
#                                  the database `partnerbook` owned by the superuser
#                                  `partnerbook` (trust: no password); prints its URL,
#                                  postgres://partnerbook@127.0.0.1:PORT/partnerbook, as
#                                  the only line on stdout and writes it to DIR/url.
#                                  On a DIR whose cluster already runs: prints the URL.
#   bash scripts/pg.sh stop DIR    stops that cluster at once and removes DIR.
#
# For tests only: fsync is off, anyone on this machine may connect without a password.
# As root (CI), the server runs as the `postgres` user, who must be able to reach DIR.
# The server's log is DIR/log. PG_BIN overrides the folder of initdb and pg_ctl.
set -euo pipefail

FIRST_PORT=54329
LAST_PORT=54428
USER_NAME=partnerbook
DB_NAME=partnerbook
MARKER=pg.sh.cluster

die() {
    echo "pg.sh: $*" >&2
    exit 1
}
say() { echo "pg.sh: $*" >&2; }
usage() {
    echo "usage: bash scripts/pg.sh start DIR | stop DIR" >&2
    exit 2
}

[ "$#" -eq 2 ] || usage
action=$1
dir=$2
[ -n "$dir" ] || usage

# The newest installed server unless PG_BIN says which.
find_bin() {
    if [ -n "${PG_BIN:-}" ]; then
        [ -x "$PG_BIN/pg_ctl" ] || die "PG_BIN=$PG_BIN has no pg_ctl"
        echo "$PG_BIN"
        return
    fi
    local found=""
    local candidate
    for candidate in /usr/lib/postgresql/*/bin; do
        if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/initdb" ]; then
            if [ -z "$found" ] || [ "$(printf '%s\n%s\n' "$found" "$candidate" | sort -V | tail -n 1)" = "$candidate" ]; then
                found=$candidate
            fi
        fi
    done
    [ -n "$found" ] || die "no PostgreSQL server in /usr/lib/postgresql/*/bin: run scripts/setup.sh (apt-get install postgresql)"
    echo "$found"
}

# Runs a server program as the cluster's owner: `postgres` when we are root (initdb and
# the server refuse to run as root), else ourselves. From DIR, which the owner can enter.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$dir" && runuser -u postgres -- "$@")
    else
        (cd "$dir" && "$@")
    fi
}

# 0 when the cluster in DIR runs, 1 when it does not; anything else is an error.
running() {
    local status=0
    as_owner "$BIN/pg_ctl" status -D "$dir/data" >/dev/null 2>&1 || status=$?
    case "$status" in
        0) return 0 ;;
        3) return 1 ;;
        *) die "pg_ctl status -D $dir/data failed (exit $status)" ;;
    esac
}

# 0 when something already accepts connections on 127.0.0.1:PORT.
port_taken() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

url_for() { echo "postgres://$USER_NAME@127.0.0.1:$1/$DB_NAME"; }

# Starts the server on the first free port, trying the next one when another process
# took it meanwhile. Sets PORT.
start_server() {
    local port log_size fresh
    for ((port = FIRST_PORT; port <= LAST_PORT; port++)); do
        if port_taken "$port"; then
            continue
        fi
        log_size=0
        if [ -f "$dir/log" ]; then
            log_size=$(wc -c <"$dir/log")
        fi
        if as_owner "$BIN/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/log" -o "-p $port" >&2; then
            PORT=$port
            return
        fi
        fresh=$(tail -c "+$((log_size + 1))" "$dir/log" 2>/dev/null || echo "(no log at $dir/log)")
        if grep -q -e "could not bind" -e "Address already in use" <<<"$fresh"; then
            say "port $port was taken meanwhile; trying the next one"
            continue
        fi
        echo "$fresh" >&2
        die "the server in $dir did not start (log above, and in $dir/log)"
    done
    die "no free port on 127.0.0.1 from $FIRST_PORT to $LAST_PORT"
}

start() {
    if [ -e "$dir" ] && [ ! -d "$dir" ]; then
        die "$dir exists and is not a folder"
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)
    case "$dir" in
        *"'"* | *'"'* | *\\*) die "$dir: a folder whose path has quotes or backslashes is not supported" ;;
    esac
    # The server's socket is DIR/sock/.s.PGSQL.PORT; a socket path has at most 107 bytes.
    if [ "${#dir}" -gt 80 ]; then
        die "$dir: the path is too long for the server's socket (at most 80 characters)"
    fi
    if [ ! -e "$dir/$MARKER" ]; then
        if [ -n "$(ls -A "$dir")" ]; then
            die "$dir is not empty and is not a cluster made by pg.sh: choose an empty or new folder"
        fi
        : >"$dir/$MARKER"
    fi
    BIN=$(find_bin)

    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || die "no user postgres: install Debian's postgresql (scripts/setup.sh)"
        chown postgres: "$dir"
        if ! runuser -u postgres -- test -w "$dir" -a -x "$dir"; then
            die "the user postgres cannot write $dir: choose a folder whose parents it can enter (e.g. under /tmp)"
        fi
    fi

    if [ ! -f "$dir/data/PG_VERSION" ]; then
        if [ -e "$dir/data" ]; then
            # initdb stopped halfway before: begin again.
            rm -rf -- "$dir/data"
        fi
        say "initdb in $dir/data ($BIN)"
        if ! as_owner "$BIN/initdb" -D "$dir/data" -A trust -U "$USER_NAME" -E UTF8 --locale=C \
            >"$dir/initdb.log" 2>&1; then
            cat "$dir/initdb.log" >&2
            die "initdb failed (output above)"
        fi
        as_owner mkdir -p "$dir/sock"
        cat >>"$dir/data/postgresql.conf" <<EOF

# scripts/pg.sh: a throwaway cluster for tests
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    fi

    if running; then
        [ -s "$dir/url" ] || die "a server runs in $dir but $dir/url is missing: stop it (bash scripts/pg.sh stop $dir) and start again"
        cat "$dir/url"
        return
    fi

    PORT=""
    start_server
    local url
    url=$(url_for "$PORT")

    local exists
    exists=$("$BIN/psql" -X -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" -d postgres -v ON_ERROR_STOP=1 -tAc \
        "SELECT count(*) FROM pg_database WHERE datname = '$DB_NAME'")
    if [ "$exists" = "0" ]; then
        "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" "$DB_NAME"
    fi
    echo "$url" >"$dir/url"
    echo "$url"
}

stop() {
    if [ ! -e "$dir" ]; then
        say "$dir does not exist: nothing to stop"
        return
    fi
    [ -d "$dir" ] || die "$dir is not a folder"
    dir=$(cd "$dir" && pwd -P)
    if [ ! -e "$dir/$MARKER" ] && [ ! -f "$dir/data/PG_VERSION" ]; then
        die "$dir is not a cluster made by pg.sh: not removing it"
    fi
    if [ -f "$dir/data/PG_VERSION" ]; then
        BIN=$(find_bin)
        if running; then
            as_owner "$BIN/pg_ctl" stop -D "$dir/data" -m immediate -w >&2
        fi
    fi
    rm -rf -- "$dir"
}

case "$action" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac

#!/usr/bin/env bash
# Builds the release binaries and runs the benchmarks of Partnerbook: the imports part
# (partners and clients against sqlite3, the partners table), the billing part (a
# realistic year against sqlite3, pandas, openpyxl and python-calamine, `balances --as-of`
# and `whatif` with the rules in force) and the
# acts part (1 000 acts' PDF and EDO XML made in-process against LibreOffice headless
# converting the same acts to PDF, and `act pdf` / `act xml` for one act).
#
#   scripts/bench.sh                                # all three parts, full size
#   scripts/bench.sh --imports                      # only the imports part
#   scripts/bench.sh --billing                      # only the billing part
#   scripts/bench.sh --acts                         # only the acts part
#   scripts/bench.sh --signatures                   # only the EDO signatures part (vs openssl cms -verify)
#   scripts/bench.sh --crash [--trials 50]           # only the crash trials: the year's billing import killed with SIGKILL
#   scripts/bench.sh --postgres                     # only the server part: the billing year on PostgreSQL beside SQLite
#   scripts/bench.sh --fuzz [--execs N] [--seed S]  # only the fuzz part: mutated inputs to every reader, in process
#   scripts/bench.sh --fuzz --seed S --replay N     # make and run one fuzz execution again, its input saved
#   scripts/bench.sh --fuzz --fuzz-only xlsx        # only one reader (csv, xlsx, cell, statement, package, signature)
#   scripts/bench.sh --acts --office-acts 10        # acts part, LibreOffice converts 10 acts
#   scripts/bench.sh --billing --scale 0.01         # quick: every generated count × 0.01
#   scripts/bench.sh --partners 5000 --clients 50000   # imports part, smaller
#   scripts/bench.sh --keep /tmp/bench              # keep the generated files, books, peer databases
#   scripts/bench.sh --billing --generate-only --keep /tmp/bench   # only write the files
#
# Every argument goes to partnerbook-bench (see --help). Needs Debian's sqlite3 (the peer)
# and GNU time (peak RSS); the billing part also needs Python with pandas and openpyxl,
# the acts part LibreOffice Writer (`soffice`, Debian's libreoffice-writer-nogui), and the
# billing part Python with pandas, openpyxl and python-calamine. Missing ones are installed
# when apt-get is at hand; the Python modules apt cannot install (python-calamine is not
# packaged by Debian) go into a virtualenv under the target directory (from PyPI), which
# sees the system's packages. A peer that
# still cannot run is reported as such by the benchmark, never given a number.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"

# The fuzz part needs no peer and no `partnerbook` binary: only the benchmark's.
for arg in "$@"; do
    if [ "$arg" = "--fuzz" ]; then
        cargo build --release -p partnerbook-bench
        exec "$target/release/partnerbook-bench" "$@"
    fi
done

sudo=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"

apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$@" \
        || { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$@"; }
}

need=()
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
[ -x /usr/bin/time ] || need+=(time)
# The signatures part's peer: OpenSSL with Debian's GOST engine.
openssl engine gost >/dev/null 2>&1 || need+=(openssl libengine-gost-openssl)
# The server part's throwaway cluster: Debian's postgresql.
for arg in "$@"; do
    if [ "$arg" = "--postgres" ] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
        need+=(postgresql)
    fi
done
if [ ${#need[@]} -gt 0 ]; then
    apt_install "${need[@]}" || echo "bench.sh: please install: ${need[*]}" >&2
fi

# Which parts run: all three, unless --imports, --billing or --acts choose. The billing
# part needs the Python peers and the acts part LibreOffice, unless they only generate
# their files.
need_python=1 need_office=1
crash_flag="" postgres_flag="" imports_flag="" billing_flag="" acts_flag="" signatures_flag="" generate_only="" python_given="" soffice_given=""
for arg in "$@"; do
    case "$arg" in
        --imports) imports_flag=1 ;;
        --billing) billing_flag=1 ;;
        --acts) acts_flag=1 ;;
        --signatures) signatures_flag=1 ;;
        --postgres) postgres_flag=1 ;;
        --crash) crash_flag=1 ;;
        --generate-only) generate_only=1 ;;
        --python | --python=*) python_given=1 ;;
        --soffice | --soffice=*) soffice_given=1 ;;
    esac
done
if [ -n "$imports_flag$billing_flag$acts_flag$signatures_flag$postgres_flag$crash_flag" ]; then
    [ -z "$billing_flag" ] && need_python=0
    [ -z "$acts_flag" ] && need_office=0
fi
[ -n "$generate_only" ] && need_python=0 && need_office=0
[ -n "$soffice_given" ] && need_office=0

# LibreOffice Writer without the GUI (Debian 12: libreoffice-writer-nogui), else with it.
if [ "$need_office" = 1 ] && ! command -v soffice >/dev/null 2>&1; then
    echo "bench.sh: no soffice; trying apt (libreoffice-writer-nogui)" >&2
    apt_install libreoffice-writer-nogui >&2 || apt_install libreoffice-writer >&2 \
        || echo "bench.sh: LibreOffice unavailable: the benchmark reports that peer as not run" >&2
fi

# A Python that imports pandas, openpyxl and python_calamine: $PYTHON, python3, Debian's,
# or our venv.
venv="$target/bench-python"
find_python() {
    local py
    for py in "${PYTHON:-}" python3 /usr/bin/python3 "$venv/bin/python"; do
        [ -n "$py" ] || continue
        command -v "$py" >/dev/null 2>&1 || continue
        if "$py" -c 'import pandas, openpyxl, python_calamine' >/dev/null 2>&1; then
            command -v "$py"
            return 0
        fi
    done
    return 1
}

python_args=()
if [ "$need_python" = 1 ] && [ -z "$python_given" ]; then
    if ! python="$(find_python)"; then
        echo "bench.sh: no Python with pandas, openpyxl and python-calamine; trying apt (python3-pandas python3-openpyxl)" >&2
        apt_install python3-pandas python3-openpyxl >&2 \
            || echo "bench.sh: apt could not install them" >&2
        if ! python="$(find_python)"; then
            echo "bench.sh: trying a virtualenv in $venv (pip install pandas openpyxl python-calamine)" >&2
            python=""
            for base in python3 /usr/bin/python3; do
                command -v "$base" >/dev/null 2>&1 || continue
                rm -rf "$venv"
                if "$base" -m venv --system-site-packages "$venv" >&2 \
                    && "$venv/bin/pip" install --quiet pandas openpyxl python-calamine >&2; then
                    python="$(find_python)" || python=""
                    break
                fi
            done
        fi
    fi
    if [ -n "$python" ]; then
        python_args=(--python "$python")
    else
        echo "bench.sh: pandas/openpyxl/python-calamine unavailable: the benchmark reports those peers as not run" >&2
    fi
fi

cargo build --release -p partnerbook-cli -p partnerbook-bench

# --postgres: a throwaway local cluster (scripts/pg.sh), its URL to the benchmark, stopped after.
args=()
for arg in "$@"; do
    [ "$arg" = "--postgres" ] || args+=("$arg")
done
if [ -n "$postgres_flag" ]; then
    pg_dir=$(mktemp -d /tmp/partnerbook-bench-pg.XXXXXX)
    rmdir "$pg_dir"
    trap 'bash scripts/pg.sh stop "$pg_dir"' EXIT
    args+=(--postgres "$(bash scripts/pg.sh start "$pg_dir")")
fi
"$target/release/partnerbook-bench" --partnerbook "$target/release/partnerbook" \
    ${python_args[@]+"${python_args[@]}"} ${args[@]+"${args[@]}"}

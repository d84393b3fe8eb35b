#!/usr/bin/env bash
# Builds the release binaries and runs the benchmark of Partnerbook's imports.
#
#   scripts/bench.sh                                # full size: 100 000 partners, 1 000 000 clients
#   scripts/bench.sh --partners 5000 --clients 50000   # quick
#   scripts/bench.sh --keep /tmp/bench              # keep the CSV files, the book, the peer databases
#
# Every argument goes to partnerbook-bench (see --help). Needs Debian's sqlite3 (the peer)
# and GNU time (peak RSS); both are installed when missing and apt-get is at hand.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

need=()
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
    if command -v apt-get >/dev/null 2>&1; then
        $sudo apt-get install -y "${need[@]}" \
            || { $sudo apt-get update && $sudo apt-get install -y "${need[@]}"; }
    else
        echo "bench.sh: please install: ${need[*]}" >&2
    fi
fi

cargo build --release -p partnerbook-cli -p partnerbook-bench
target="${CARGO_TARGET_DIR:-$root/target}"
exec "$target/release/partnerbook-bench" --partnerbook "$target/release/partnerbook" "$@"

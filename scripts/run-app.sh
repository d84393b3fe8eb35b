#!/usr/bin/env bash
# Builds Partnerbook and starts it on a demo book (made and filled the first time).
# The book: $PARTNERBOOK_BOOK, else ~/.local/share/partnerbook/demo.sqlite.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh

echo "run-app: building the web UI"
npm --prefix ui run build

echo "run-app: building the app"
cargo build -p partnerbook-app

BOOK="${PARTNERBOOK_BOOK:-$HOME/.local/share/partnerbook/demo.sqlite}"
if [ ! -f "$BOOK" ]; then
    echo "run-app: making a demo book at $BOOK"
    mkdir -p "$(dirname "$BOOK")"
    if ! cargo run -q -p partnerbook-cli -- --book "$BOOK" demo; then
        # Leave no half-filled book behind: the next run makes it again.
        rm -f "$BOOK" "$BOOK-wal" "$BOOK-shm"
        echo "run-app: the demo book could not be made" >&2
        exit 1
    fi
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run-app: no display (DISPLAY and WAYLAND_DISPLAY are unset): run it in a desktop session" >&2
    exit 1
fi

app="${CARGO_TARGET_DIR:-target}/debug/partnerbook-app"
echo "run-app: starting $app on $BOOK"
PARTNERBOOK_BOOK="$BOOK" exec "$app"

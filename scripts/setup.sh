#!/usr/bin/env bash
# Installs what building and testing Partnerbook needs on Debian 12 that has only a
# Rust toolchain (rustup), Node/npm and apt: the system libraries for Tauri (WebKitGTK),
# the tools for the tests (Xvfb, WebKitWebDriver, xdotool for the native file dialogs,
# pdftotext, xmllint), the UI's npm
# packages and tauri-driver; OpenSSL with the GOST engine, the reference the tests check
# the signatures of EDO packages against; PostgreSQL, the second engine (scripts/pg.sh
# starts throwaway clusters of it), and sqlite3 (scripts/schema-compare.sh). Safe to run
# again: it skips what is already there.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "setup: $*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

# Tauri 2 on Linux, then the end-to-end and document tests.
PACKAGES=(
    build-essential pkg-config libssl-dev
    libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
    libxdo-dev libayatana-appindicator3-dev librsvg2-dev
    xvfb xauth webkit2gtk-driver xdotool poppler-utils fonts-dejavu-core libxml2-utils
    openssl libengine-gost-openssl
    postgresql sqlite3
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
if [ "${#missing[@]}" -eq 0 ]; then
    say "system packages: all ${#PACKAGES[@]} present"
else
    say "system packages: installing ${missing[*]}"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing[@]}"
fi

for tool in cargo npm node; do
    if ! command -v "$tool" >/dev/null; then
        echo "setup: $tool is missing: install Rust (rustup) and Node.js/npm first" >&2
        exit 1
    fi
done
for component in rustfmt clippy; do
    if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
        say "rust: adding the $component component"
        rustup component add "$component"
    fi
done
say "rust: $(cargo --version); node $(node --version); npm $(npm --version)"

if [ ! -f ui/package-lock.json ]; then
    echo "setup: ui/package-lock.json is missing: the web UI is not in this checkout" >&2
    exit 1
fi
stamp=ui/node_modules/.package-lock.json
if [ -f "$stamp" ] && [ "$stamp" -nt ui/package-lock.json ] && [ "$stamp" -nt ui/package.json ]; then
    say "ui: node_modules up to date"
else
    say "ui: npm ci"
    npm ci --prefix ui --no-audit --no-fund
fi

driver="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
if [ -x "$driver" ]; then
    say "tauri-driver: present ($driver)"
else
    say "tauri-driver: cargo install tauri-driver --locked"
    cargo install tauri-driver --locked --version '^2'
fi
say "done"

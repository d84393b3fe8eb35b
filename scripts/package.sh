#!/usr/bin/env bash
# Builds Partnerbook's Debian package and checks it as a person would meet it: installs it
# with apt-get, starts the installed app under Xvfb on a demo book the installed
# `partnerbook` made, takes a screenshot of the first screen (and fails if no Partnerbook
# window shows or the screen is blank), then removes the package and checks that nothing of
# it is left. Not part of the test command: a release build of the app takes long.
#
#   bash scripts/package.sh              # build, install, screenshot, remove
#   bash scripts/package.sh --keep       # the same, leaving the package installed
#
# Prints the package's path and size and the screenshot's path
# (target/package/first-screen.png).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
keep=""
for arg in "$@"; do
    case "$arg" in
        --keep) keep=1 ;;
        *) echo "package: unknown argument $arg (only --keep)" >&2; exit 2 ;;
    esac
done

say() { echo "package: $*"; }
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

bash scripts/setup.sh
# The screenshot's tools: ImageMagick's `import` and `identify`.
if ! command -v import >/dev/null || ! command -v identify >/dev/null; then
    say "installing imagemagick (the screenshot)"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y imagemagick \
        || { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y imagemagick; }
fi

say "building the web UI"
npm --prefix ui run build
say "building the command line (release)"
cargo build --release -p partnerbook-cli
say "building the app and its .deb (release; tauri build)"
# The command line goes into the same package, beside the app.
files=$(printf '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/partnerbook":"%s"}}}}}' \
    "$target/release/partnerbook")
CARGO_TARGET_DIR="$target" ui/node_modules/.bin/tauri build --bundles deb --config "$files"

deb=$(ls -t "$target"/release/bundle/deb/*.deb | head -n 1)
size=$(du -h "$deb" | cut -f1)
package=$(dpkg-deb -f "$deb" Package)
say "built $deb ($size, package $package)"
# Listings are read whole before they are searched: `grep -q` leaving a pipe early would
# fail the lister (pipefail).
contents=$(dpkg-deb -c "$deb")
grep -Eq '[ /]usr/bin/partnerbook$' <<< "$contents" \
    || { echo "package: the .deb holds no /usr/bin/partnerbook" >&2; exit 1; }

say "installing it: apt-get install $deb"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$deb"
installed=$(dpkg -L "$package")
app=$(grep -E '^/usr/bin/partnerbook-app$' <<< "$installed")
[ -x "$app" ] || { echo "package: the installed app is not at /usr/bin/partnerbook-app" >&2; exit 1; }
grep -q '\.desktop$' <<< "$installed" \
    || { echo "package: no desktop entry installed" >&2; exit 1; }

out="$target/package"
rm -rf "$out"
mkdir -p "$out/home"
book="$out/demo.sqlite"
say "a demo book by the installed command line: $book"
/usr/bin/partnerbook --book "$book" demo > "$out/demo.txt"

shot="$out/first-screen.png"
say "starting the installed app under Xvfb (1366×768)"
# A home of its own: the app's user settings and recent books stay out of the person's.
HOME="$out/home" PARTNERBOOK_BOOK="$book" xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    "$1" > "$2/app.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 60); do
        if xdotool search --name "^Partnerbook$" >/dev/null 2>&1; then break; fi
        kill -0 "$pid" 2>/dev/null || { echo "package: the app exited at start (see $2/app.log)" >&2; exit 1; }
        sleep 1
    done
    xdotool search --name "^Partnerbook$" >/dev/null \
        || { echo "package: no Partnerbook window within 60 s" >&2; kill "$pid"; exit 1; }
    sleep 6   # the first screen reads the book
    import -window root "$3"
    kill "$pid"
    # Ended by us: its status (143) is not the check'"'"'s.
    wait "$pid" 2>/dev/null
    exit 0
' _ "$app" "$out" "$shot"
colours=$(identify -format '%k' "$shot")
say "screenshot $shot ($colours colours)"
if [ "$colours" -lt 16 ]; then
    echo "package: the first screen is blank ($colours colours): see $shot" >&2
    exit 1
fi

if [ -n "$keep" ]; then
    say "left installed (--keep): remove with apt-get remove $package"
else
    say "removing it: apt-get remove $package"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y "$package"
    if [ -e /usr/bin/partnerbook-app ] || [ -e /usr/bin/partnerbook ]; then
        echo "package: files are left after the removal" >&2
        exit 1
    fi
fi
say "done: $deb ($size); first screen $shot"

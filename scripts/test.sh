#!/usr/bin/env bash
# Every check Partnerbook has, in order; the first that fails fails the run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -n "${CI:-}" ]; then
    export CARGO_TERM_COLOR=never
fi

started=$(date +%s)
current="start"
elapsed() { echo "$(( $(date +%s) - started ))s"; }
step() {
    current="$*"
    echo
    echo "==> $current  (at $(elapsed))"
}
trap 'echo; echo "FAILED: $current  (after $(elapsed))" >&2' ERR

step "setup"
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "ui: typecheck"
npm --prefix ui run typecheck

step "ui: lint"
npm --prefix ui run lint

step "ui: unit tests"
npm --prefix ui test

step "ui: build"
npm --prefix ui run build

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

# The workspace build turns on the core's `direct-db` (tests that tamper with a book and
# the benchmark use it); built alone, without their tests, the shells must reach the book
# through `partnerbook_core::api`.
step "the shells reach the book only through the core's api"
cargo check -p partnerbook-cli -p partnerbook-app

step "the two engines' migrations make the same schema"
bash scripts/schema-compare.sh

step "a throwaway PostgreSQL cluster, the second engine's server for the tests"
pg_dir=$(mktemp -d /tmp/partnerbook-pg.XXXXXX)
rmdir "$pg_dir"
stop_cluster() { bash scripts/pg.sh stop "$pg_dir"; }
trap stop_cluster EXIT
PARTNERBOOK_TEST_POSTGRES=$(bash scripts/pg.sh start "$pg_dir")
export PARTNERBOOK_TEST_POSTGRES
echo "PARTNERBOOK_TEST_POSTGRES=$PARTNERBOOK_TEST_POSTGRES"

# Every `cargo test` below selects the whole workspace, so all of them share one build
# (features are resolved over the packages selected): the end-to-end tests are declared
# `test = false` and run only when named, in their own step; the app's binary they drive
# is built here too (for the app's own integration tests).
step "cargo test (all but end-to-end; test books in SQLite; regenerates ui/src/bindings)"
PARTNERBOOK_TEST_ENGINE=sqlite cargo test --workspace

step "cargo test again with every test book on PostgreSQL"
PARTNERBOOK_TEST_ENGINE=postgres cargo test --workspace

step "TypeScript bindings are current"
if ! git diff --exit-code --stat -- ui/src/bindings || [ -n "$(git status --porcelain -- ui/src/bindings)" ]; then
    git status --short -- ui/src/bindings
    echo "TypeScript bindings are stale: run cargo test and commit ui/src/bindings" >&2
    false
fi

step "end-to-end (the real window under Xvfb)"
e2e_tests=()
for file in tests/e2e/tests/*.rs; do
    e2e_tests+=(--test "$(basename "$file" .rs)")
done
xvfb-run -a -s "-screen 0 1920x1080x24" \
    cargo test --workspace "${e2e_tests[@]}" --no-fail-fast -- --test-threads=1

trap - ERR
echo
echo "All checks passed in $(elapsed)."

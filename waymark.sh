#!/usr/bin/env bash
# Waymark's two commands:
#   ./waymark.sh run    build a person's app and start it (`./waymark.sh run worker` starts the
#                       worker app, "Waymark for Workers", instead)
#   ./waymark.sh test   run every test suite (Rust, UI, end-to-end in the real window);
#                       `./waymark.sh test STAGE` reruns one stage (see STAGES below)
# Each installs what it needs on a fresh Debian machine that has Rust, Node and apt, and says what
# it is doing.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$PWD"

# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

# `run` starts a person's app (young people and carers); `run worker` starts the worker app.
run_app() {
  local which=${1:-person} package binary name
  case "$which" in
    person) package=waymark-app; binary=waymark-app; name="Waymark" ;;
    worker) package=waymark-worker-app; binary=waymark-worker-app; name="Waymark for Workers" ;;
    *)
      echo "error: there is no app '$which'; say './waymark.sh run' (a person's app) or './waymark.sh run worker'" >&2
      exit 2
      ;;
  esac
  ensure_packages "${BUILD_PACKAGES[@]}"
  build_ui
  say "Building $name (release)"
  cargo build --release -p "$package"
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "error: there is no display to open the window on (DISPLAY is not set)." >&2
    echo "       $name is built at target/release/$binary; start it from a desktop session." >&2
    exit 1
  fi
  if [ "$which" = person ]; then
    say "(The worker app, for social workers, IROs and the duty team, starts with: ./waymark.sh run worker)"
  fi
  say "Starting $name (data folder: ${WAYMARK_DATA_DIR:-the per-user app data folder})"
  exec "target/release/$binary"
}

# The test stages, in the order CI runs them; `./waymark.sh test STAGE` reruns one.
STAGES=(ui browser rust api fuzz bench e2e bench-scripts)

stage_ui() {
  say "UI: type and accessibility checks (svelte-check)"
  (cd ui && npm run --silent check)
  say "UI: component tests (Vitest)"
  (cd ui && npm run --silent test)
}

stage_browser() {
  say "Building the UI's browser-test page (the real UI with an in-memory fake backend)"
  (cd ui && npx --no-install vite build --mode browser-test --logLevel warn)
  npm_ci tests
  say "Browser: every screen and state in Debian's Chromium with axe-core, at 1024x600 and 200% text"
  (cd tests && timeout 600 node --test --test-concurrency=1 browser/)
}

stage_rust() {
  say "Rust: every crate's tests (core, application layer and its generated UI bindings, sharing formats, service, client, command-line tool, shell)"
  # The sharing walk-throughs run both the service and the command-line tool.
  cargo build --workspace --bins --locked
  start_test_postgres
  cargo test --workspace --locked
}

stage_api() {
  cargo build -p waymark-service --locked
  say "Service API: schemathesis against the running service's openapi.json, signed as enrolled devices"
  scripts/api-check.sh 200
}

stage_fuzz() {
  say "Fuzzing: every parser of untrusted bytes, a short run each (scripts/fuzz.sh runs them longer)"
  run_fuzzers 10
}

stage_bench() {
  say "Benchmarks: a smoke run of each (one pass at a small size, so none can rot)"
  cargo test -p waymark-bench --benches --locked
}

stage_e2e() {
  say "Building the app binaries (a person's app and the worker app) for end-to-end tests"
  cargo build -p waymark-app -p waymark-worker-app -p waymark-cli -p waymark-service -p waymark-worker --locked
  npm_ci tests
  ensure_tauri_driver
  say "End-to-end: the real app under Xvfb through tauri-driver and WebKitWebDriver"
  (cd tests && timeout 600 dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
    node --test --test-concurrency=1 e2e/)
}

stage_bench-scripts() {
  say "Benchmark scripts: a smoke run of each (service load on SQLite and PostgreSQL, the app's start and memory, sizes, the engine's memory floor, SQLCipher beside the vault)"
  bench/service-load.sh --smoke
  bench/app.sh --smoke
  bench/sizes.sh --smoke
  bench/webkit-floor.sh --smoke
  bench/sqlcipher.sh --smoke
}

# Every stage with no argument (as CI runs it), or the one named.
run_tests() {
  local only=${1:-}
  if [ -n "$only" ] && [[ ! " ${STAGES[*]} " == *" $only "* ]]; then
    echo "error: there is no test stage '$only'; the stages are: ${STAGES[*]}" >&2
    exit 2
  fi
  ensure_packages "${BUILD_PACKAGES[@]}" "${WINDOW_PACKAGES[@]}" "${BROWSER_PACKAGES[@]}" "${POSTGRES_PACKAGES[@]}"
  build_ui
  for stage in "${STAGES[@]}"; do
    if [ -z "$only" ] || [ "$only" = "$stage" ]; then
      "stage_$stage"
    fi
  done
  if [ -z "$only" ]; then say "All test suites passed"; else say "Test stage '$only' passed"; fi
}

case "${1:-}" in
  run) run_app "${2:-person}" ;;
  test) run_tests "${2:-}" ;;
  *)
    echo "usage: ./waymark.sh run           build and start a person's app (young people and carers)" >&2
    echo "       ./waymark.sh run worker    build and start the worker app (Waymark for Workers)" >&2
    echo "       ./waymark.sh test          run every test suite" >&2
    echo "       ./waymark.sh test STAGE    run one: ui, browser, rust, api, fuzz, bench, e2e or bench-scripts" >&2
    exit 2
    ;;
esac

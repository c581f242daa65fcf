#!/usr/bin/env bash
# The app's start time and memory under Xvfb (see bench/app.mjs), on the release build.
#   bench/app.sh [--smoke] [app.mjs options…]
# --smoke: the debug build, 200 records, the KDF floor and one run, only to show it still works.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
source "$ROOT/scripts/lib.sh"

ensure_packages "${BUILD_PACKAGES[@]}" "${WINDOW_PACKAGES[@]}"
ensure_tauri_driver
npm_ci tests
if [ "${1:-}" = "--smoke" ]; then
  shift
  cargo build --locked -p waymark-app -p waymark-bench --bins
  set -- --app target/debug/waymark-app --seed target/debug/waymark-seed --records 200 --runs 1 --kdf floor "$@"
else
  build_ui
  say "Building the app and the vault seeder (release)"
  cargo build --release --locked -p waymark-app -p waymark-bench --bins
fi
say "Measuring the app under Xvfb"
timeout 900 dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node bench/app.mjs "$@"

#!/usr/bin/env bash
# The memory floor of the engine the app runs on: the smallest WebKitGTK window
# (bench/webkit-floor.c), measured as bench/app.sh measures the app, with compositing off as the
# app runs under Xvfb. The difference between the two is what Waymark itself costs.
#   bench/webkit-floor.sh [--smoke]
# --smoke: one run, only to show it still works.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
source "$ROOT/scripts/lib.sh"

ensure_packages "${BUILD_PACKAGES[@]}" "${WINDOW_PACKAGES[@]}"
runs=3
if [ "${1:-}" = "--smoke" ]; then runs=1; fi
out="$ROOT/target/bench"
mkdir -p "$out"
say "Building the bare WebKitGTK window"
# shellcheck disable=SC2046 # pkg-config prints several flags on purpose
gcc -O2 -o "$out/webkit-floor" bench/webkit-floor.c $(pkg-config --cflags --libs webkit2gtk-4.1)
say "Measuring it under Xvfb"
WEBKIT_DISABLE_COMPOSITING_MODE=1 timeout 300 dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  node bench/webkit-floor.mjs "$out/webkit-floor" --runs "$runs"

#!/usr/bin/env bash
# Sizes of what a person downloads: the release binary and the .deb installer (built by the
# Tauri CLI, installed with cargo). Takes a release build with LTO: several minutes on 2 cores.
#   bench/sizes.sh [--smoke]
# --smoke: report the debug binary only (no release build, no .deb), to show the script works.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
source "$ROOT/scripts/lib.sh"

mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB (%d bytes)", b / 1048576, b }'; }

if [ "${1:-}" = "--smoke" ]; then
  bin=target/debug/waymark-app
  [ -f "$bin" ] || cargo build --locked -p waymark-app
  echo "debug binary (unstripped, not shipped): $(mib "$(stat -c %s "$bin")")"
  exit 0
fi

ensure_packages "${BUILD_PACKAGES[@]}"
build_ui
if ! cargo tauri --version >/dev/null 2>&1; then
  say "Installing the Tauri CLI (cargo install tauri-cli --locked; a few minutes, once)"
  cargo install tauri-cli --version "^2" --locked
fi
# The Tauri CLI reads its configuration from the app's folder (src-tauri/tauri.conf.json links
# to the real file at the root).
say "Building the release binary and the .deb (cargo tauri build --bundles deb)"
(cd src-tauri && TAURI_APP_PATH=. TAURI_FRONTEND_PATH=.. cargo tauri build --bundles deb --ci)
bin=target/release/waymark-app
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
echo "release binary: $(mib "$(stat -c %s "$bin")")"
echo ".deb installer: $(mib "$(stat -c %s "$deb")") ($deb)"

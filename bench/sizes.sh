#!/usr/bin/env bash
# Sizes of what a person downloads: the release binary and the .deb installer (built by the
# Tauri CLI from ui/'s lockfile). Takes a release build with LTO: several minutes on 2 cores.
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
npm_ci ui
# The Tauri CLI reads its configuration from the app's folder; the real file is at the root.
link=src-tauri/tauri.conf.json
made_link=
if [ ! -e "$link" ]; then ln -s ../tauri.conf.json "$link"; made_link=1; fi
trap '[ -n "$made_link" ] && rm -f "$link"' EXIT
say "Building the release binary and the .deb (tauri build --bundles deb)"
(cd src-tauri && TAURI_APP_PATH=. TAURI_FRONTEND_PATH=.. ../ui/node_modules/.bin/tauri build --bundles deb --ci)
bin=target/release/waymark-app
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
echo "release binary: $(mib "$(stat -c %s "$bin")")"
echo ".deb installer: $(mib "$(stat -c %s "$deb")") ($deb)"

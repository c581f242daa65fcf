#!/usr/bin/env bash
# SQLCipher beside Waymark's sealed vault and plain SQLite, on the same rows in the same run.
# Builds bench/sqlcipher (a workspace of its own, since rusqlite's features unify across one)
# against the system's libcrypto, and prints a table for docs/PERFORMANCE.md.
#   bench/sqlcipher.sh [SIZES] [RUNS]      e.g. bench/sqlcipher.sh 1000,10000,100000 5
#   bench/sqlcipher.sh --smoke             a debug build, 200 records once: shows it still works
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_packages libssl-dev pkg-config
cd bench/sqlcipher
if [ "${1:-}" = "--smoke" ]; then
  say "Building the SQLCipher comparison (debug, for a smoke run)"
  # The workspace's own target folder: what the two share is built once.
  CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-../../target}" cargo build --quiet --locked
  say "Writing and reading 200 records three ways, once"
  "${CARGO_TARGET_DIR:-../../target}/debug/waymark-sqlcipher-bench" 200 1
  exit 0
fi
say "Building the SQLCipher comparison (release)"
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-../../target/sqlcipher}" cargo build --release --quiet
say "Writing and reading the same records three ways"
"${CARGO_TARGET_DIR:-../../target/sqlcipher}/release/waymark-sqlcipher-bench" "${1:-1000,10000}" "${2:-5}"

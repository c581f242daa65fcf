#!/usr/bin/env bash
# SQLCipher beside Waymark's sealed vault and plain SQLite, on the same rows in the same run.
# Builds bench/sqlcipher (a workspace of its own, since rusqlite's features unify across one)
# against the system's libcrypto, and prints a table for docs/PERFORMANCE.md.
#   bench/sqlcipher.sh [SIZES] [RUNS]      e.g. bench/sqlcipher.sh 1000,10000,100000 5
set -euo pipefail
cd "$(dirname "$0")/sqlcipher"
if ! pkg-config --exists libcrypto 2>/dev/null; then
  echo "==> Installing OpenSSL's development files (SQLCipher links to libcrypto)"
  sudo apt-get install -y libssl-dev pkg-config
fi
echo "==> Building the SQLCipher comparison (release)"
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-../../target/sqlcipher}" cargo build --release --quiet
echo "==> Writing and reading the same records three ways"
"${CARGO_TARGET_DIR:-../../target/sqlcipher}/release/waymark-sqlcipher-bench" "${1:-1000,10000}" "${2:-5}"

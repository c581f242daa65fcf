#!/usr/bin/env bash
# The service under load: uploads per second and latency on SQLite and on PostgreSQL, over
# loopback, on this machine (release builds). A throwaway PostgreSQL server is started and
# removed, as the test command does.
#   bench/service-load.sh [--smoke] [waymark-load options…]
# --smoke: debug builds and a few hundred uploads, only to show the tool still works.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
source "$ROOT/scripts/lib.sh"

profile=release
args=()
if [ "${1:-}" = "--smoke" ]; then
  shift
  profile=debug
  args=(--uploads 300 --warmup 50 --seconds 30 --concurrency 8)
fi
args+=("$@")

ensure_packages "${POSTGRES_PACKAGES[@]}"
if [ "$profile" = release ]; then
  say "Building waymark-service and waymark-load (release)"
  cargo build --release --locked -p waymark-service -p waymark-bench --bins
else
  cargo build --locked -p waymark-service -p waymark-bench --bins
fi
load="target/$profile/waymark-load"

say "Service on SQLite (its default)"
"$load" --label sqlite "${args[@]}"

# Durable, as a real deployment would be (the test suite runs it with fsync off for speed).
WAYMARK_PG_FSYNC=on start_test_postgres
say "Service on PostgreSQL ($WAYMARK_TEST_POSTGRES)"
"$load" --label postgres --database "$WAYMARK_TEST_POSTGRES" "${args[@]}"

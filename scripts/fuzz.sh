#!/usr/bin/env bash
# Runs every fuzz target under fuzz/ for the given number of seconds each (default 600), one
# after another; stops at the first crash with libFuzzer's report. The test command runs the same
# for a few seconds each.
#   scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
source "$ROOT/scripts/lib.sh"
run_fuzzers "${1:-600}"

#!/usr/bin/env bash
# The service's API exercised by schemathesis against the real service binary, as enrolled
# devices: no 5xx, every answer as openapi.json says, invalid requests refused, and no device
# reaching another's data (tests/api/). Usage: scripts/api-check.sh [EXAMPLES per operation]
# (default 200). Expects the service built (cargo build -p waymark-service).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

examples="${1:-200}"
service="${CARGO_TARGET_DIR:-$ROOT/target}/debug/waymark-service"
[ -x "$service" ] || { echo "error: build the service first: cargo build -p waymark-service" >&2; exit 1; }
ensure_api_tester
venv="$ROOT/tests/api/.venv"

work=$(mktemp -d /tmp/waymark-api.XXXXXX)
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export WAYMARK_SERVICE_DIR="$work/service" WAYMARK_SERVICE_PASSPHRASE="api check passphrase, invented" WAYMARK_KDF=floor
export WAYMARK_ADMIN_DIR="$work/admin" WAYMARK_ADMIN_PASSPHRASE="api check administrator, invented"
export WAYMARK_SERVICE_URL="$base"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

say "API: a fresh service on $base, with eight probing devices, a checking device and one other device"
"$service" init --name "Example API Check Service" >/dev/null
mkdir -p "$WAYMARK_ADMIN_DIR"
"$service" admin init --org-name "Example API Check Service" >/dev/null
codes=()
for i in $(seq 10); do
  codes+=("$("$service" admin invite --name "Invented Person $i" --role young_person 2>/dev/null | grep -o 'wm1-[A-Za-z0-9_-]*')")
done
duty=$("$service" admin add-worker --name "Invented Duty Desk" --role duty | grep -o '[0-9a-f-]\{36\}')
# The duty worker's laptops: one kept for the checks after the run, four taking turns in it.
for i in $(seq 5); do
  codes+=("$("$service" admin invite-worker --worker "$duty" | grep -o 'wm1-[A-Za-z0-9_-]*')")
done
"$service" publish-resources "$ROOT/content/library" --version 1 >/dev/null
"$service" serve --listen "127.0.0.1:$port" >"$work/service.log" 2>&1 &
pid=$!
(cd tests/api && "$venv/bin/python" waymark_api.py setup "$base" "$work/state.json" "${codes[@]}")
# The administrator approves each of the duty worker's laptops with the code it shows.
while read -r worker_device worker_code; do
  "$service" admin approve --device "$worker_device" --person "$duty" --code "$worker_code" >/dev/null
done < <("$venv/bin/python" -c 'import json, sys; s = json.load(open(sys.argv[1])); [print(w["id"], w["code"]) for w in [s["worker"], *s["worker_probers"]]]' "$work/state.json")
# ... and makes the duty worker an administrator, so their laptop's roster links, invites and
# reading of the audit log are reached too.
"$service" admin grant-admin --worker "$duty" >/dev/null
# The checking device is approved too, so a worker's laptop may send it mail (`verify` does).
read -r checker_device checker_person checker_code < <("$venv/bin/python" -c 'import json, sys; o = json.load(open(sys.argv[1]))["checker"]; print(o["id"], o["person_id"], o["code"])' "$work/state.json")
"$service" admin approve --device "$checker_device" --person "$checker_person" --code "$checker_code" >/dev/null

say "API: schemathesis, $examples examples per operation, every phase (examples, coverage, fuzzing, stateful)"
(cd tests/api && WAYMARK_API_STATE="$work/state.json" SCHEMATHESIS_HOOKS=waymark_hooks \
  "$venv/bin/schemathesis" --config-file schemathesis.toml run "$ROOT/crates/waymark-service/openapi.json" --url "$base" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection,no_other_device_data,SignedOperationsReached \
  --max-examples "$examples" --seed 20261124 --no-color) || {
  echo "error: schemathesis found a problem (above); the service's log follows" >&2
  tail -n 40 "$work/service.log" >&2
  exit 1
}

say "API: no device reached another's data"
(cd tests/api && "$venv/bin/python" waymark_api.py verify "$base" "$work/state.json" "$WAYMARK_SERVICE_DIR/service.db")

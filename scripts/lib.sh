# Shell helpers shared by ./waymark.sh and the scripts under bench/ and scripts/: say what is
# happening, install missing Debian packages, install npm packages from lockfiles, start a
# throwaway PostgreSQL server, run the fuzzers. Sourced, never run. Expects ROOT (the repository) to be set.

say() { printf '\n==> %s\n' "$*"; }

# fonts-dejavu-core: the font the worker app writes case-record PDFs in.
BUILD_PACKAGES=(libwebkit2gtk-4.1-dev build-essential pkg-config fonts-dejavu-core)
# dbus: a session bus, as a desktop has, which single-instance hand-over uses. strace: the
# end-to-end test that watches every network call the app makes.
WINDOW_PACKAGES=(xvfb xauth webkit2gtk-driver dbus strace)
# Debian's Chromium for the browser tests (Playwright never downloads a browser here).
BROWSER_PACKAGES=(chromium)
# PostgreSQL, so the service's tests also run on its scale-out back end (openssl makes its test
# certificates).
POSTGRES_PACKAGES=(postgresql openssl)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "error: installing system packages needs root (or sudo): $*" >&2; exit 1
  fi
}

ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "System packages present: $*"
    return
  fi
  say "Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

npm_ci() {
  local dir=$1
  if [ -d "$dir/node_modules" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    say "npm packages in $dir are up to date"
  else
    say "Installing npm packages in $dir from its lockfile (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_ui() {
  npm_ci ui
  say "Building the UI (Vite): a person's app into ui/dist, the worker app into ui/dist-worker"
  (cd ui && npm run --silent build && npm run --silent build:worker)
}

# A throwaway PostgreSQL server for the tests: its own folder and port, trust on loopback only,
# stopped when the tests end. Nothing is left behind.
start_test_postgres() {
  local bin port
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_DIR=$(mktemp -d /tmp/waymark-pg.XXXXXX)
  for port in $(seq 55432 55532); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  say "Starting a throwaway PostgreSQL server on 127.0.0.1:$port for the service's tests"
  as_postgres "$bin/initdb" -D "$PG_DIR/data" -A trust -U waymark --no-sync -E UTF8 >/dev/null
  # TLS too, with a certificate for db.waymark.test from a certificate authority made here and
  # now, so the tests can reach it as a database on another machine would be reached.
  local tls="$PG_DIR/tls"
  mkdir -p "$tls"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj "/CN=Waymark test database CA" -keyout "$tls/ca.key" -out "$tls/ca.pem" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/CN=db.waymark.test" -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:db.waymark.test\n' > "$tls/server.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial \
    -days 2 -extfile "$tls/server.ext" -out "$tls/server.pem" 2>/dev/null
  chmod 600 "$tls/server.key"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$tls"
  as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=${WAYMARK_PG_FSYNC:-off} -c ssl=on -c ssl_cert_file=$tls/server.pem -c ssl_key_file=$tls/server.key" start >/dev/null
  PG_STOP="as_postgres $bin/pg_ctl -D $PG_DIR/data -m fast stop"
  trap 'eval "$PG_STOP" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"' EXIT
  export WAYMARK_TEST_POSTGRES="postgres://waymark@127.0.0.1:$port/postgres"
  # The same server by a name that is not this machine's, for the TLS tests, and its authority.
  export WAYMARK_TEST_POSTGRES_TLS="postgres://waymark@db.waymark.test:$port/postgres?hostaddr=127.0.0.1"
  export WAYMARK_TEST_POSTGRES_CA="$tls/ca.pem"
}

# The fuzzers need Rust nightly (libFuzzer's instrumentation) and cargo-fuzz.
ensure_cargo_fuzz() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if rustup toolchain list | grep -q '^nightly'; then
    say "Rust nightly present (for the fuzzers)"
  else
    say "Installing Rust nightly for the fuzzers (rustup toolchain install nightly --profile minimal)"
    rustup toolchain install nightly --profile minimal
  fi
  if cargo fuzz --version >/dev/null 2>&1; then
    say "cargo-fuzz present"
  else
    say "Installing cargo-fuzz (cargo install cargo-fuzz --locked)"
    cargo install cargo-fuzz --locked
  fi
}

# Every fuzz target under fuzz/, for `seconds` each. A crash stops the run with libFuzzer's report
# and the input that caused it (under fuzz/artifacts/).
run_fuzzers() {
  local seconds="$1"
  ensure_cargo_fuzz
  say "Building the fuzz targets (nightly, with libFuzzer and AddressSanitizer)"
  (cd fuzz && cargo +nightly fuzz build)
  local target log
  log="$(mktemp)"
  for target in $(cd fuzz && cargo +nightly fuzz list); do
    say "Fuzzing $target for ${seconds}s"
    # fuzz/corpus/<target> grows as the fuzzer finds new paths (not kept in git); the
    # hand-made inputs in fuzz/seeds/<target> give it valid examples to start from.
    mkdir -p "fuzz/corpus/$target"
    if (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -print_final_stats=1) >"$log" 2>&1; then
      grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^Done ' "$log" || true
    else
      tail -n 80 "$log"
      echo "error: the fuzz target $target failed; the input that caused it is under fuzz/artifacts/$target/" >&2
      rm -f "$log"
      return 1
    fi
  done
  rm -f "$log"
}

ensure_tauri_driver() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if command -v tauri-driver >/dev/null; then
    say "tauri-driver present"
  else
    say "Installing tauri-driver (cargo install tauri-driver --locked)"
    cargo install tauri-driver --locked
  fi
}


# Python for the API tester (Debian's, so the version is the distribution's).
API_PACKAGES=(python3 python3-venv)

# schemathesis and its dependencies, exactly as pinned (with hashes) in tests/api/requirements.txt,
# in a virtual environment under tests/api/.venv (not kept in git).
ensure_api_tester() {
  ensure_packages "${API_PACKAGES[@]}"
  local venv="$ROOT/tests/api/.venv" lock="$ROOT/tests/api/requirements.txt"
  if [ -x "$venv/bin/schemathesis" ] && [ "$venv/.installed" -nt "$lock" ]; then
    say "schemathesis present (tests/api/.venv)"
    return
  fi
  say "Installing schemathesis from tests/api/requirements.txt (pinned, with hashes) into tests/api/.venv"
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --require-hashes --only-binary=:all: -r "$lock"
  touch "$venv/.installed"
}

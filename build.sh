#!/usr/bin/env bash
# Linksmith's one entry point.
#
#   ./build.sh          install what is missing, build the wasm core and the extension (dist/)
#   ./build.sh test     every check: fmt, clippy, native tests, wasm boundary tests, JS lint, browser e2e
#   ./build.sh demo     build, then serve the standalone checker page (www/) on 127.0.0.1
#   ./build.sh bench    build, then benchmark in headless Chromium (keygen vs WebCrypto, size,
#                       panel and form timings); writes out/bench.md
#
# Everything it needs is installed on first use, so a fresh machine only needs rustup, node and apt.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

TARGET=wasm32-unknown-unknown
WASM_OUT="target/$TARGET/release/linksmith.wasm"
PKG="target/pkg"
DIST="dist"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

log() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- installs -------------------------------------------------------------------------------

# The CLI must equal the wasm-bindgen crate in Cargo.lock exactly, or the glue it writes does not
# match the module.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust() {
  if ! rustup target list --installed | grep -qx "$TARGET"; then
    log "Adding the Rust target $TARGET"
    rustup target add "$TARGET"
  fi
  local want have
  want=$(wasm_bindgen_version)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    log "Installing wasm-bindgen-cli $want (found: ${have:-none}); this takes a few minutes once"
    # --locked fails against this registry (its lock wants a version that is not served).
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_npm() {
  # npm ci is exact but slow: only run it when the lock changed since the last install.
  if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.linksmith-lock; then
    log "Installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
    cp package-lock.json node_modules/.linksmith-lock
  fi
}

# Test-only system tools: the browser for e2e tests, openssl/ssh-keygen for key comparisons.
ensure_test_tools() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v ssh-keygen >/dev/null || missing+=(openssh-client)
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# --- build ----------------------------------------------------------------------------------

build_wasm() {
  log "Building the Rust core for $TARGET"
  # `cargo rustc --crate-type cdylib` because LTO is skipped for a cdylib+rlib crate otherwise.
  cargo rustc --lib --release --target "$TARGET" --crate-type cdylib
  if [ ! -f "$PKG/linksmith_bg.wasm" ] || [ "$WASM_OUT" -nt "$PKG/linksmith_bg.wasm" ]; then
    log "wasm-bindgen + wasm-opt"
    rm -rf "$PKG.tmp" && mkdir -p "$PKG.tmp"
    wasm-bindgen --target web --no-typescript --out-dir "$PKG.tmp" "$WASM_OUT"
    # binaryen from npm: Debian's binaryen 108 corrupts wasm-bindgen 0.2.13x output.
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-reference-types --enable-multivalue --enable-mutable-globals \
      "$PKG.tmp/linksmith_bg.wasm" -o "$PKG.tmp/linksmith_bg.wasm"
    rm -rf "$PKG" && mv "$PKG.tmp" "$PKG"
  fi
}

# Deterministic zip (sorted names, fixed timestamps) so two builds of one tree are identical.
make_zip() {
  python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for base, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(base, name)
            info = zipfile.ZipInfo(os.path.relpath(path, src), (1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as f:
                z.writestr(info, f.read())
PY
}

assemble() {
  log "Assembling $DIST/chrome and $DIST/www"
  rm -rf "$DIST/chrome" "$DIST/www"
  mkdir -p "$DIST/chrome/pkg" "$DIST/www/pkg"
  cp -R extension/. "$DIST/chrome/"
  cp "$PKG/linksmith.js" "$PKG/linksmith_bg.wasm" "$DIST/chrome/pkg/"
  cp -R www/. "$DIST/www/"
  # The page runs the panel's key generator (and its worker) unchanged.
  mkdir -p "$DIST/www/keygen"
  cp extension/panel/keygen.js extension/panel/keygen-worker.js "$DIST/www/keygen/"
  cp "$PKG/linksmith.js" "$PKG/linksmith_bg.wasm" "$DIST/www/pkg/"
  rm -f "$DIST/linksmith-chrome.zip"
  make_zip "$DIST/chrome" "$DIST/linksmith-chrome.zip"
  printf 'wasm: %s bytes (%s gzipped)\n' "$(wc -c <"$DIST/chrome/pkg/linksmith_bg.wasm")" \
    "$(gzip -9c "$DIST/chrome/pkg/linksmith_bg.wasm" | wc -c)"
}

build_fixtures() {
  if [ -f tests/fixtures/build.mjs ]; then
    log "Bundling the fixture UIs"
    node tests/fixtures/build.mjs
  fi
}

build() {
  ensure_rust
  ensure_npm
  build_wasm
  assemble
  log "Built: load $DIST/chrome unpacked in chrome://extensions, or install $DIST/linksmith-chrome.zip"
}

# --- test -----------------------------------------------------------------------------------

run_tests() {
  build
  ensure_test_tools
  build_fixtures
  log "cargo fmt --check"
  cargo fmt --all -- --check
  log "cargo clippy -D warnings"
  cargo clippy --all-targets -- -D warnings
  log "Native Rust tests"
  cargo test
  log "wasm boundary tests (wasm-bindgen-test in node)"
  cargo test --target "$TARGET" --test wasm_boundary
  log "ESLint"
  eslint extension www tests
  log "Browser tests (Playwright, Debian Chromium, dist/chrome)"
  node --test --test-concurrency=1 tests/node/ tests/e2e/
}

demo() {
  build
  local port="${PORT:-8765}"
  log "Serving the standalone checker"
  echo "Open http://127.0.0.1:$port/ (Ctrl-C to stop)"
  exec python3 -m http.server --bind 127.0.0.1 --directory "$DIST/www" "$port"
}

bench() {
  build
  ensure_test_tools
  build_fixtures
  log "Benchmark (headless Chromium, dist/chrome); about 2-5 minutes"
  node tests/bench/bench.mjs
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  demo) demo ;;
  bench) bench ;;
  *) echo "usage: $0 [build|test|demo|bench]" >&2; exit 2 ;;
esac

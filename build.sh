#!/usr/bin/env bash
# Linksmith's one entry point.
#
#   ./build.sh          install what is missing, build the wasm core and the extension for Chrome and
#                       Firefox (dist/chrome, dist/firefox, their zips, and a source zip for store review)
#   ./build.sh test     every check: fmt, clippy, native tests, wasm boundary tests, JS lint, browser e2e
#   ./build.sh demo     build, run the walkthrough in Chromium with the extension on the fixture UIs
#                       (headless: screenshots in out/demo/), then serve the checker page (www/)
#   ./build.sh bench    build, then benchmark in headless Chromium each goal of docs/performance.md
#                       against a baseline from the same run (~15 min); writes out/bench.md
#   ./build.sh audit    cargo deny: licences, bans, sources, and advisories (live RustSec database, else
#                       the snapshot in ../shared); LINKSMITH_ADVISORIES=required|off
#   ./build.sh store    build, then the store listing in dist/store/ (descriptions, PRIVACY.md, icon,
#                       1280×800 screenshots of the walkthrough)
#   ./build.sh fuzz [s] run every cargo-fuzz target in fuzz/ for s seconds each (default 60)
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

# Test-only system tools: the browsers for e2e tests (Chromium, and Firefox ESR driven over
# WebDriver BiDi), openssl/ssh-keygen for key comparisons.
ensure_test_tools() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v ssh-keygen >/dev/null || missing+=(openssh-client)
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# Test-only Python packages: oauthlib (with PyJWT + cryptography for RSA-SHA1) verifies OAuth
# signatures independently of our Rust code (tests/oauth_differential.rs, the fake Jira).
ensure_python() {
  if ! python3 -c 'import oauthlib, jwt, cryptography' 2>/dev/null; then
    log "Installing Python packages: oauthlib pyjwt cryptography"
    python3 -m pip install --quiet oauthlib==4.0.1 pyjwt==2.15.1 cryptography==48.0.0 \
      || python3 -m pip install --quiet --break-system-packages oauthlib==4.0.1 pyjwt==2.15.1 cryptography==48.0.0
  fi
}

# Cargo subcommands the checks need, pinned so a clean machine gets what was tested here.
CARGO_DENY_VERSION=0.20.2
CARGO_FUZZ_VERSION=0.13.2
ensure_cargo_tool() { # crate version: installs `cargo <crate minus "cargo-">` if missing or other
  local have
  have=$(cargo "${1#cargo-}" --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$2" ]; then
    log "Installing $1 $2 (found: ${have:-none}); this takes a few minutes once"
    cargo install "$1" --version "$2" --locked || cargo install "$1" --version "$2"
  fi
}

# --- build ----------------------------------------------------------------------------------

# The same flags in the build and in the source README. The remapping keeps this checkout's path
# and $HOME out of panic messages, so a reviewer's rebuild elsewhere gives the same bytes.
# `cpubits` (crypto-bigint's word-size switch, a documented override) picks 64-bit limbs on
# wasm32, whose 64×64→128-bit products wasm can only emulate (__multi3); 32-bit limbs make the
# Miller-Rabin rounds of key generation ~10% faster and the wasm 2 KB smaller (gzipped).
WASM_CFG='--cfg cpubits="32"'
WASM_CFG_SHOWN='--cfg cpubits=\"32\"'
REPRO_RUSTFLAGS="$WASM_CFG --remap-path-prefix=$ROOT=/linksmith --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
REPRO_RUSTFLAGS_SHOWN="$WASM_CFG_SHOWN "'--remap-path-prefix=$PWD=/linksmith --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo'
# SIMD: the paired Fermat test of key generation (src/keys/fermat/paired.rs) is the one function
# built with wasm's simd128 feature; every browser the manifests allow (Chrome 116+, Firefox
# 140+) has it.
WASM_OPT_FLAGS="-Oz --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals"

# The two wasm modules (src/wasm_api/mod.rs), each "name feature": the checks, which the service
# worker wakes for (kept small), and the key generator, which only the key-generation workers
# load. The glue files are named after the module (pkg/<name>.js, pkg/<name>_bg.wasm).
WASM_MODULES=("linksmith checks" "linksmith_keygen keygen")

build_wasm() {
  local module name feature input
  mkdir -p "$PKG" target/wasm-input
  for module in "${WASM_MODULES[@]}"; do
    read -r name feature <<<"$module"
    log "Building the Rust core for $TARGET: $name (feature $feature)"
    # `cargo rustc --crate-type cdylib` because LTO is skipped for a cdylib+rlib crate otherwise.
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$REPRO_RUSTFLAGS" \
      cargo rustc --locked --lib --release --target "$TARGET" --crate-type cdylib \
      --no-default-features --features "$feature"
    # Both builds write $WASM_OUT; the copy of the one each module was made from, and the
    # wasm-opt flags it was made with, say whether that module is current.
    input="target/wasm-input/$name.wasm"
    if [ ! -f "$PKG/${name}_bg.wasm" ] || ! cmp -s "$WASM_OUT" "$input" \
      || [ "$(cat "$input.opt" 2>/dev/null)" != "$WASM_OPT_FLAGS" ]; then
      log "wasm-bindgen + wasm-opt: $name"
      rm -rf "$PKG.tmp" && mkdir -p "$PKG.tmp/in"
      cp "$WASM_OUT" "$PKG.tmp/in/$name.wasm"
      wasm-bindgen --target web --no-typescript --out-dir "$PKG.tmp" "$PKG.tmp/in/$name.wasm"
      # binaryen from npm: Debian's binaryen 108 corrupts wasm-bindgen 0.2.13x output.
      # shellcheck disable=SC2086
      wasm-opt $WASM_OPT_FLAGS "$PKG.tmp/${name}_bg.wasm" -o "$PKG.tmp/${name}_bg.wasm"
      mv "$PKG.tmp/$name.js" "$PKG.tmp/${name}_bg.wasm" "$PKG/"
      cp "$PKG.tmp/in/$name.wasm" "$input"
      printf '%s\n' "$WASM_OPT_FLAGS" >"$input.opt"
      rm -rf "$PKG.tmp"
    fi
    # A build-machine path in the binary would make the store's rebuild differ.
    if grep -qaF -e "$ROOT" -e "$HOME/" "$PKG/${name}_bg.wasm"; then
      echo "error: $PKG/${name}_bg.wasm contains a local path; the remap flags did not apply" >&2
      exit 1
    fi
  done
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

# One extension tree per browser: the same files, a manifest rewritten by tools/manifest.mjs.
assemble_browser() {
  local browser=$1 out="$DIST/$1"
  rm -rf "$out"
  mkdir -p "$out/pkg"
  cp -R extension/. "$out/"
  # The one module that differs between browsers (panel opening): only this browser's copy ships.
  rm -rf "$out/sw/platform"
  cp "extension/sw/platform/$browser.js" "$out/sw/platform.js"
  # Content scripts cannot be modules: their ES modules ship as one readable classic script.
  rm -rf "$out/content"
  node tools/bundle-content.mjs "$out/content/linksmith-content.js"
  node tools/manifest.mjs "$browser" "$out"
  cp "$PKG"/linksmith*.js "$PKG"/linksmith*_bg.wasm "$out/pkg/"
  # The icon ships as the PNGs the manifest names; its SVG source stays in the repository.
  rm -rf "$out/icons" && mkdir -p "$out/icons"
  cp "$ICONS"/*.png "$out/icons/"
  # The store zip (Chrome Web Store, Edge Add-ons, AMO): the same files, and a manifest without
  # the `key` the stores refuse; the unpacked dist/<browser> keeps it for a stable local id.
  local store="$DIST/store-$browser.tmp"
  rm -rf "$store" && cp -R "$out" "$store"
  node tools/manifest.mjs "$browser" "$store" --store
  rm -f "$DIST/linksmith-$browser.zip"
  make_zip "$store" "$DIST/linksmith-$browser.zip"
  rm -rf "$store"
}

# The PNG icons, rendered from the SVG source when it changed (tools/icons.mjs, resvg from npm).
ICONS="target/icons"
build_icons() {
  if [ ! -f "$ICONS/linksmith-128.png" ] || [ extension/icons/linksmith.svg -nt "$ICONS/linksmith-128.png" ] \
    || [ tools/icons.mjs -nt "$ICONS/linksmith-128.png" ]; then
    log "Rendering the icons"
    rm -rf "$ICONS" && node tools/icons.mjs "$ICONS"
  fi
}

# What a store reviewer needs to rebuild the identical wasm: the sources, the lock files, the
# build script, and a README with the exact tool versions this build used.
SOURCE_PATHS=(Cargo.toml Cargo.lock src extension www tools build.sh package.json package-lock.json
  eslint.config.js README.md PRIVACY.md)

source_readme() {
  local rust
  rust=$(rustc --version | awk '{print $2}')
  cat <<README
# Linksmith $(node tools/manifest.mjs --version) — source for store review

This archive holds everything that produces the shipped extension. The only generated code is in
\`pkg/\` (\`linksmith.js\` + \`linksmith_bg.wasm\`, and the key generator's \`linksmith_keygen.js\` +
\`linksmith_keygen_bg.wasm\`), built from \`src/\` by these exact tools:

| tool | version used for this build |
|---|---|
| rustc (target wasm32-unknown-unknown) | $(rustc --version) |
| cargo | $(cargo --version) |
| wasm-bindgen-cli | $(wasm-bindgen --version) (must equal the \`wasm-bindgen\` crate in Cargo.lock) |
| wasm-opt (npm \`binaryen\`, pinned in package-lock.json) | $(wasm-opt --version) |
| node | $(node --version) |

Rebuild on Linux (Debian 12 was used), with rustup, node and npm installed:

\`\`\`sh
rustup default $rust
./build.sh    # adds the wasm target, installs wasm-bindgen-cli, runs npm ci, builds dist/
\`\`\`

For the wasm, build.sh runs exactly this, once for each module: NAME=linksmith with
FEATURE=checks, then NAME=linksmith_keygen with FEATURE=keygen:

\`\`\`sh
rustup target add wasm32-unknown-unknown
cargo install wasm-bindgen-cli --version $(wasm_bindgen_version)
npm ci
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$REPRO_RUSTFLAGS_SHOWN" \\
  cargo rustc --locked --lib --release --target wasm32-unknown-unknown --crate-type cdylib \\
  --no-default-features --features \$FEATURE
mkdir -p in && cp target/wasm32-unknown-unknown/release/linksmith.wasm in/\$NAME.wasm
wasm-bindgen --target web --no-typescript --out-dir target/pkg in/\$NAME.wasm
node_modules/.bin/wasm-opt $WASM_OPT_FLAGS target/pkg/\${NAME}_bg.wasm -o target/pkg/\${NAME}_bg.wasm
\`\`\`

The path remapping keeps the checkout folder and \`\$HOME\` out of the binary (build.sh refuses a
wasm that contains either), so the bytes do not depend on where this archive is unpacked.
Expected result (the same files are in the extension's \`pkg/\`):

\`\`\`
$(cd "$PKG" && sha256sum linksmith_bg.wasm linksmith.js linksmith_keygen_bg.wasm linksmith_keygen.js)
\`\`\`

Everything else in the extension is hand-written, unminified JavaScript, HTML, CSS and JSON,
copied as is; per browser, \`manifest.json\` is rewritten by \`tools/manifest.mjs\` and
\`sw/platform.js\` is the copy of \`extension/sw/platform/<browser>.js\`, and
\`content/linksmith-content.js\` is \`extension/content/*.js\` bundled by \`tools/bundle-content.mjs\`
(esbuild, pinned in package-lock.json; unminified).
README
}

make_source_zip() {
  local tmp="$DIST/source.tmp" p
  rm -rf "$tmp" && mkdir -p "$tmp"
  for p in "${SOURCE_PATHS[@]}"; do [ -e "$p" ] && cp -R "$p" "$tmp/"; done
  source_readme >"$tmp/SOURCE-README.md"
  rm -f "$DIST/linksmith-source.zip"
  make_zip "$tmp" "$DIST/linksmith-source.zip"
  rm -rf "$tmp"
}

assemble() {
  log "Assembling $DIST/chrome, $DIST/firefox and $DIST/www"
  build_icons
  assemble_browser chrome
  assemble_browser firefox
  rm -rf "$DIST/www"
  mkdir -p "$DIST/www/pkg"
  cp -R www/. "$DIST/www/"
  # The page imports the same vocabulary as the extension.
  cp -R extension/shared "$DIST/www/shared"
  # The page runs the panel's key generator (and its worker, and its strings) unchanged.
  mkdir -p "$DIST/www/keygen"
  cp extension/panel/keygen.js extension/panel/keygen-worker.js extension/panel/i18n.js "$DIST/www/keygen/"
  cp extension/_locales/en/messages.json "$DIST/www/keygen/"
  cp "$PKG"/linksmith*.js "$PKG"/linksmith*_bg.wasm "$DIST/www/pkg/"
  make_source_zip
  local wasm
  for wasm in linksmith linksmith_keygen; do
    printf 'wasm %s: %s bytes (%s gzipped)\n' "$wasm" "$(wc -c <"$DIST/chrome/pkg/${wasm}_bg.wasm")" \
      "$(gzip -9c "$DIST/chrome/pkg/${wasm}_bg.wasm" | wc -c)"
  done
}

build_fixtures() {
  if [ -f tests/fixtures/build.mjs ]; then
    log "Bundling the fixture UIs"
    node tests/fixtures/build.mjs
  fi
}

# extension/shared/vocabulary.js is generated from src/vocabulary/ (committed, so a reader sees it;
# `cargo test` fails when the committed copy is stale).
emit_vocabulary() {
  log "Writing extension/shared/vocabulary.js from src/vocabulary/"
  LINKSMITH_WRITE_VOCABULARY=1 cargo test --locked --quiet --test vocabulary the_committed_vocabulary_module_is_current >/dev/null
}

build() {
  ensure_rust
  ensure_npm
  # `test` only checks the committed copy (tests/vocabulary.rs fails when it is stale), so CI
  # proves the committed file is current instead of quietly rewriting it.
  [ "${1:-}" = check-only ] || emit_vocabulary
  build_wasm
  assemble
  log "Built: load $DIST/chrome unpacked in chrome://extensions (zip: $DIST/linksmith-chrome.zip);"
  echo "Firefox: $DIST/linksmith-firefox.zip; sources for store review: $DIST/linksmith-source.zip"
}

# --- test -----------------------------------------------------------------------------------

run_tests() {
  ensure_python
  build check-only
  ensure_test_tools
  build_fixtures
  log "cargo fmt --check"
  cargo fmt --all -- --check
  log "cargo clippy -D warnings"
  cargo clippy --all-targets -- -D warnings
  log "Dependency audit (cargo deny)"
  audit
  log "Native Rust tests"
  cargo test
  log "Bad-input catalog, optimised (10 ms per case)"
  cargo test --profile release-test --test bad_inputs -- --nocapture
  log "wasm boundary tests (wasm-bindgen-test in node)"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$WASM_CFG" cargo test --target "$TARGET" --test wasm_boundary
  log "DOM tier (node --test: detection and label tables, visibility rules, JS/Rust parity)"
  node --test tests/dom/
  log "ESLint"
  eslint extension www tests tools
  log "web-ext lint on dist/firefox (warnings are errors)"
  web-ext lint --source-dir "$DIST/firefox" --warnings-as-errors --no-input
  log "Browser tests (Debian Chromium with dist/chrome through Playwright; Firefox ESR with dist/firefox through puppeteer-core over WebDriver BiDi)"
  node --test --test-concurrency=1 tests/node/ tests/e2e/
}

# Licences, bans, sources and advisories. Advisories come from the live RustSec database (a git
# repository on GitHub) where it can be fetched, else from the snapshot in ../shared (a copy of
# rustsec/advisory-db, its commit and date in SNAPSHOT); the output says which, and of what date.
# LINKSMITH_ADVISORIES=required fails when neither is there; =off skips them (see SECURITY.md).
# LINKSMITH_ADVISORY_SNAPSHOT points at another snapshot folder.
ADVISORY_SNAPSHOT="${LINKSMITH_ADVISORY_SNAPSHOT:-$ROOT/../shared/rustsec-advisory-db}"
# cargo-deny finds a database under db-path in the folder named after its URL (this one is the
# name it derives from the default https://github.com/rustsec/advisory-db).
ADVISORY_DB_DIR=advisory-db-3157b0e258782691

# Turns the snapshot into the git repository cargo-deny expects, once per snapshot commit; the
# commit carries the snapshot's own date, which cargo-deny reports as the database's age.
advisory_snapshot_db() { # prints the db-path to use
  local db="$ROOT/target/advisory-snapshot" commit date
  commit=$(awk '$1 == "commit" { print $2 }' "$ADVISORY_SNAPSHOT/SNAPSHOT")
  date=$(awk '$1 == "date" { print $2 }' "$ADVISORY_SNAPSHOT/SNAPSHOT")
  if [ "$(cat "$db/.snapshot-commit" 2>/dev/null)" != "$commit" ]; then
    rm -rf "$db" && mkdir -p "$db/$ADVISORY_DB_DIR"
    cp -R "$ADVISORY_SNAPSHOT/." "$db/$ADVISORY_DB_DIR/"
    (
      cd "$db/$ADVISORY_DB_DIR"
      git init -q -b main
      git add -A
      GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" git -c user.name=linksmith-build \
        -c user.email=build@linksmith.invalid -c commit.gpgsign=false commit -q -m "rustsec/advisory-db $commit"
    )
    echo "$commit" >"$db/.snapshot-commit"
  fi
  echo "$db"
}

audit() {
  local mode="${LINKSMITH_ADVISORIES:-auto}" live_db db config
  ensure_cargo_tool cargo-deny "$CARGO_DENY_VERSION"
  cargo deny --locked check --hide-inclusion-graph licenses bans sources
  if [ "$mode" = off ]; then
    echo "cargo deny: advisories skipped (LINKSMITH_ADVISORIES=off)"
    return 0
  fi
  live_db="${CARGO_HOME:-$HOME/.cargo}/advisory-dbs/$ADVISORY_DB_DIR"
  if timeout 60 cargo deny --locked fetch db >/dev/null 2>&1; then
    echo "cargo deny: advisories from the live RustSec database, commit $(git -C "$live_db" log -1 --format='%h of %cI' 2>/dev/null || echo '(fetched just now)')"
    cargo deny --locked check --hide-inclusion-graph advisories
  elif [ -f "$ADVISORY_SNAPSHOT/SNAPSHOT" ]; then
    db=$(advisory_snapshot_db)
    echo "cargo deny: the live RustSec database is unreachable; advisories from the snapshot in $ADVISORY_SNAPSHOT, $(awk '$1 == "commit" { c = $2 } $1 == "date" { d = $2 } END { print "commit " substr(c, 1, 12) " of " d }' "$ADVISORY_SNAPSHOT/SNAPSHOT")"
    # The same policy with db-path pointed at the snapshot (cargo-deny takes db-path from its config only).
    config="$ROOT/target/deny-snapshot.toml"
    sed "s|^db-urls = .*|&\ndb-path = \"$db\"|" deny.toml >"$config"
    cargo deny --locked --offline --config "$config" check --hide-inclusion-graph advisories
  elif [ "$mode" = required ]; then
    echo "cargo deny: advisories required, but the RustSec database could not be fetched and there is no snapshot at $ADVISORY_SNAPSHOT" >&2
    return 1
  else
    echo "cargo deny: advisories NOT checked: the RustSec database is unreachable and there is no snapshot at $ADVISORY_SNAPSHOT (LINKSMITH_ADVISORIES=required makes this an error)"
  fi
}

# Each cargo-fuzz target for N seconds, seeded with the key fixtures and fuzz/seeds; prints a
# table of execs and crashes. Any crash (an artifact written) fails the run.
fuzz() {
  local seconds="${1:-60}"
  ensure_test_tools
  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
  ensure_cargo_tool cargo-fuzz "$CARGO_FUZZ_VERSION"
  cd "$ROOT/fuzz"
  log "Building the fuzz targets (nightly, sanitizer coverage)"
  cargo +nightly fuzz build -O
  local summary=() failed=0 target log execs crashes rc
  for target in $(cargo +nightly fuzz list); do
    mkdir -p "corpus/$target" "artifacts/$target"
    [ -d "seeds/$target" ] && cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
    case "$target" in
      inspect_public_key|compare_public_keys|check_field)
        for f in "$ROOT"/tests/keys/*.pem "$ROOT"/tests/keys/*.pub "$ROOT"/tests/keys/*.b64 "$ROOT"/tests/keys/*.key; do
          cp -n "$f" "corpus/$target/" 2>/dev/null || true
        done ;;
    esac
    log "Fuzzing $target for ${seconds}s"
    log="artifacts/$target/last-run.log"
    rc=0
    touch "artifacts/$target/.started"
    cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="artifacts/$target/" >"$log" 2>&1 || rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    crashes=$(find "artifacts/$target" -maxdepth 1 -type f -newer "artifacts/$target/.started" \
      \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'leak-*' \) | wc -l)
    if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
      failed=1
      tail -40 "$log"
    fi
    summary+=("$(printf '%-24s %12s execs %4s crashes (exit %s)' "$target" "${execs:-?}" "$crashes" "$rc")")
  done
  log "Fuzzing summary (${seconds}s per target)"
  printf '%s\n' "${summary[@]}"
  if [ "$failed" -ne 0 ]; then
    echo "Crashes are in fuzz/artifacts/<target>/: reproduce with" >&2
    echo "  cd fuzz && cargo +nightly fuzz run <target> artifacts/<target>/crash-…" >&2
    echo "and turn each into a regression test in tests/fuzz_regressions.rs." >&2
    return 1
  fi
}

demo() {
  build
  ensure_test_tools
  build_fixtures
  log "The walkthrough: Chromium with dist/chrome on the fixture copies of both admin UIs"
  # Headed when a display exists; otherwise headless, with screenshots in out/demo/.
  node tests/demo/demo.mjs "$@"
  if [ "${DEMO_SERVE:-1}" = 1 ]; then
    local port="${PORT:-8765}"
    log "Serving the standalone checker (www/)"
    echo "Open http://127.0.0.1:$port/ (Ctrl-C to stop)"
    exec python3 -m http.server --bind 127.0.0.1 --directory "$DIST/www" "$port"
  fi
}

# The store listing in dist/store/: descriptions, privacy policy, icon, and 1280×800 screenshots
# of the walkthrough (tools/store.mjs).
store() {
  build
  ensure_test_tools
  build_fixtures
  log "Store listing material in $DIST/store"
  node tools/store.mjs "$DIST/store" --screenshots
}

bench() {
  build
  ensure_test_tools
  build_fixtures
  log "Benchmark (headless Chromium, dist/chrome; docs/performance.md); about 15 minutes"
  node tests/bench/bench.mjs
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  demo) shift; demo "$@" ;;
  bench) bench ;;
  audit) audit ;;
  store) store ;;
  fuzz) fuzz "${2:-60}" ;;
  *) echo "usage: $0 [build|test|audit|store|demo|bench|fuzz [seconds]]" >&2; exit 2 ;;
esac

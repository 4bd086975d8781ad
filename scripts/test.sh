#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, clippy (native and
# wasm32), native tests, the release build, the release package (reproducible, checked by the
# end-to-end tests), the `lieux` install, the size budget, in-browser wasm tests and
# end-to-end tests in headless Chromium, then a bounded fuzzing run of every decoder. Stops at
# the first failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
eval "$(scripts/setup.sh --browser)"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "formatting"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy -p autonomie -p autonomie-ui -p autonomie-extras -p autonomie-staff -p bench-wasm \
  --target wasm32-unknown-unknown --all-targets -- -D warnings

step "no import cycle between the widget's modules (tools/imports)"
cargo run -q -p imports -- src

step "native tests"
cargo test --workspace --exclude autonomie --exclude autonomie-e2e

step "release build"
trunk build --release --offline

step "release package (npm tarball, zip, sums), built twice: the same bytes"
scripts/release.sh --no-build
first="$(cat target/release-package/SHA256SUMS)"
trunk build --release --offline
scripts/release.sh --no-build
if [[ "$(cat target/release-package/SHA256SUMS)" != "$first" ]]; then
  echo "the second build of the same commit gave different files:" >&2
  diff <(echo "$first") target/release-package/SHA256SUMS >&2 || true
  exit 1
fi

step "lieux installs with cargo install and answers --version"
lieux_root="$(mktemp -d)"
cargo install --quiet --offline --locked --path tools/places --root "$lieux_root"
"$lieux_root/bin/lieux" --version | grep -qx "lieux $(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)"
rm -rf "$lieux_root"

step "size budget"
cargo run -q -p budget

step "in-browser tests (wasm-bindgen-test, headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test -p autonomie -p autonomie-ui --target wasm32-unknown-unknown

step "end-to-end tests (headless Chromium)"
cargo test -p autonomie-e2e -- --test-threads=2

step "fuzzing the decoders (share codes, places files, opening hours, stored JSON), 20 s each"
scripts/fuzz.sh 20

step "all tests passed"

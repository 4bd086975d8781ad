#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, clippy (native and
# wasm32), native tests, the release build and its size budget, in-browser wasm tests and
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

step "native tests"
cargo test --workspace --exclude autonomie --exclude autonomie-e2e

step "release build"
trunk build --release --offline

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

#!/usr/bin/env bash
# Installs what is missing (with Lighthouse), builds the release widget, then measures:
# payload sizes (raw / gzip / brotli), native micro-benchmarks of the core (divan), places
# parsing and search in wasm in headless Chromium (1 000, 20 000 and 100 000 places), and
# Lighthouse on the standalone and the demo partner pages. Prints one table and writes
# target/bench/results.json. Figures are noisy: nothing here fails on a slow one.
# Options go to the runner: --runs N (Lighthouse runs, median; 3), --no-lighthouse.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
eval "$(scripts/setup.sh --browser --bench)"
OUT=target/bench
mkdir -p "$OUT/web"

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

step "release build"
trunk build --release --offline

step "payload"
# Over budget is reported by the table too; the test command is what fails on it.
cargo run -q -p budget -- --json "$OUT/payload.json" || true

step "native micro-benchmarks (divan)"
cargo bench -q -p autonomie-core --bench core | tee "$OUT/native.txt"

step "places in wasm"
cargo build -q --release -p bench-wasm --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir "$OUT/web" target/wasm32-unknown-unknown/release/bench_wasm.wasm
wasm-opt -Oz "$OUT/web/bench_wasm_bg.wasm" -o "$OUT/web/bench_wasm_bg.wasm"

step "in-browser measures"
cargo run -q --release -p autonomie-e2e --bin bench -- --inputs "$OUT" --out "$OUT/results.json" "$@"

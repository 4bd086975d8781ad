#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for a bounded time, one after the other.
#
#   scripts/fuzz.sh [seconds per target]      (default 60)
#
# Installs cargo-fuzz when missing. cargo-fuzz needs nightly-only compiler flags
# (-Zsanitizer=address, coverage instrumentation): the stable toolchain is told to accept
# them with RUSTC_BOOTSTRAP=1; set FUZZ_TOOLCHAIN=nightly to use a nightly toolchain instead.
# The corpus grows in fuzz/corpus/<target>/ (seeded from fuzz/seeds/<target>/); crashes are
# left in fuzz/artifacts/<target>/ and replayed with
#   cargo fuzz run <target> fuzz/artifacts/<target>/<file>
# Exits non-zero when any target found a crash.
set -euo pipefail

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [seconds per target, default 60]" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../tools/versions.env
source "$root/tools/versions.env"
cd "$root/fuzz"
# Its own target dir, so fuzz builds never wait on (or evict) the main workspace's.
export CARGO_TARGET_DIR="$root/fuzz/target"

if [[ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  echo "installing cargo-fuzz $CARGO_FUZZ_VERSION from crates.io" >&2
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

cargo_cmd=(cargo)
if [[ -n "${FUZZ_TOOLCHAIN:-}" ]]; then
  cargo_cmd=(cargo "+$FUZZ_TOOLCHAIN")
else
  export RUSTC_BOOTSTRAP=1
fi

mapfile -t targets < <("${cargo_cmd[@]}" fuzz list)
if [[ ${#targets[@]} -eq 0 ]]; then
  echo "no fuzz target found in $root/fuzz" >&2
  exit 1
fi

failed=()
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target" "artifacts/$target" "seeds/$target"
  echo "== $target: ${seconds}s" >&2
  # -rss_limit_mb and -timeout catch runaway memory and hangs; cargo-fuzz already points
  # -artifact_prefix at artifacts/<target>/.
  if ! "${cargo_cmd[@]}" fuzz run "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1; then
    failed+=("$target")
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "crashes in: ${failed[*]} (see $root/fuzz/artifacts/)" >&2
  exit 1
fi
echo "no crash in ${#targets[@]} targets, ${seconds}s each" >&2

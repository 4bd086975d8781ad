#!/usr/bin/env bash
# Installs whatever is missing to build (with --browser, to test; with --bench, to benchmark)
# the widget offline.
# Safe to run again: each step checks first. Sourced versions: tools/versions.env.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../tools/versions.env
source "$ROOT/tools/versions.env"
WANT_BROWSER=0
WANT_BENCH=0
for arg in "$@"; do
  case "$arg" in
    --browser) WANT_BROWSER=1 ;;
    --bench) WANT_BENCH=1 ;;
    *) echo "setup.sh: unknown option $arg (known: --browser, --bench)" >&2; exit 2 ;;
  esac
done

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$ROOT/.tools/npm/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]]; then
  log "installing trunk $TRUNK_VERSION (about 16 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the crate exactly ("schema version must match" otherwise).
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"
if [[ -z "$WASM_BINDGEN_VERSION" ]]; then
  echo "cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  # Not --locked: a locked dependency is missing from the registry mirror (see docs/toolchain).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

npm_has() { [[ -f "$ROOT/.tools/npm/node_modules/$1/package.json" ]] && grep -q "\"version\": \"$2\"" "$ROOT/.tools/npm/node_modules/$1/package.json"; }
NPM_TOOLS=("binaryen@$BINARYEN_VERSION" "axe-core@$AXE_CORE_VERSION" "terser@$TERSER_VERSION")
[[ $WANT_BENCH == 1 ]] && NPM_TOOLS+=("lighthouse@$LIGHTHOUSE_VERSION")
npm_missing=()
for tool in "${NPM_TOOLS[@]}"; do
  npm_has "${tool%@*}" "${tool##*@}" || npm_missing+=("$tool")
done
if (( ${#npm_missing[@]} )); then
  log "installing npm tools: ${npm_missing[*]}"
  mkdir -p "$ROOT/.tools/npm"
  npm install --prefix "$ROOT/.tools/npm" --no-audit --no-fund --loglevel=error "${npm_missing[@]}" >&2
fi

if [[ $WANT_BROWSER == 1 ]]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  if (( ${#missing[@]} )); then
    log "installing Debian packages: ${missing[*]}"
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $DEBIAN_PACKAGES >&2
  fi
fi

# wasm builds never carry the build machine's paths: a panic location (the only paths in the
# binary) names the crate, not the home folder. The same flags for every wasm32 build (clippy,
# trunk, wasm-bindgen tests), so none rebuilds another's dependencies. `--cfg
# erase_components` repeats .cargo/config.toml, in case this variable replaces its value.
CARGO_HOME_DIR="${CARGO_HOME:-$HOME/.cargo}"
WASM_RUSTFLAGS="--cfg erase_components --remap-path-prefix=$CARGO_HOME_DIR=/cargo --remap-path-prefix=$ROOT=/autonomie"

# What the build scripts need from here on.
cat <<ENV
export PATH="$PATH"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$WASM_RUSTFLAGS"
export TRUNK_TOOLS_WASM_BINDGEN="$WASM_BINDGEN_VERSION"
export TRUNK_TOOLS_WASM_OPT="version_${BINARYEN_VERSION%%.*}"
export AXE_CORE_JS="$ROOT/.tools/npm/node_modules/axe-core/axe.min.js"
ENV

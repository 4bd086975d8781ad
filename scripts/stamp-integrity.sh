#!/usr/bin/env bash
# Trunk post-build hook (see Trunk.toml), after minify-glue.sh: writes the sha384 of every
# file the loader fetches after itself (module code, wasm, language files, shipped data) into
# the loader's INTEGRITY table, and onto the standalone page's preload links. A partner's
# snippet pins the loader with its own `integrity`, so the whole chain is checked (see
# public/autonomie.js). Deterministic: the same files give the same loader, byte for byte.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:-${1:?usage: stamp-integrity.sh DIST}}"
cd "$dir"

integrity() { echo "sha384-$(openssl dgst -sha384 -binary "$1" | openssl base64 -A)"; }

files=()
for f in autonomie-app.js autonomie-app_bg.wasm autonomie-extras.js autonomie-extras_bg.wasm \
  autonomie-staff.js autonomie-staff_bg.wasm i18n/*/*.json data/*.csv data/*.json data/lieux/manifest.json; do
  [[ -f "$f" ]] && files+=("$f")
done
table=""
for f in $(printf '%s\n' "${files[@]}" | LC_ALL=C sort); do
  table+="${table:+,}\"$f\":\"$(integrity "$f")\""
done

placeholder='const INTEGRITY = {};'
if ! grep -qF "$placeholder" autonomie.js; then
  echo "stamp-integrity: autonomie.js has no '$placeholder' line" >&2
  exit 1
fi
sed -i "s#^const INTEGRITY = {};#const INTEGRITY = {$table};#" autonomie.js

# The standalone page preloads the main module and its wasm: the same hashes there, or the
# browser would keep an unchecked copy.
for f in autonomie-app.js autonomie-app_bg.wasm; do
  hash="$(integrity "$f")"
  before="$(grep -c "integrity=\"\?$hash" index.html || true)"
  sed -i "s#\(href=\"\?[^\" >]*/\?${f//./\\.}\"\?\)#\1 integrity=\"$hash\"#" index.html
  if [[ "$(grep -c "integrity=\"$hash\"" index.html)" == "$before" ]]; then
    echo "stamp-integrity: no preload link for $f in index.html" >&2
    exit 1
  fi
done

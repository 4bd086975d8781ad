#!/usr/bin/env bash
# Trunk post-build hook (see Trunk.toml): minifies the JavaScript glue wasm-bindgen writes next
# to each wasm module, about 2 KB brotli less per module. Release builds only. terser is
# installed by scripts/setup.sh; its version is in tools/versions.env.
set -euo pipefail
[[ "${TRUNK_PROFILE:-}" == release ]] || exit 0
if ! command -v terser >/dev/null; then
  echo "minify-glue: terser is missing; build through scripts/serve.sh or scripts/test.sh" >&2
  exit 1
fi
for glue in "$TRUNK_STAGING_DIR"/autonomie-app.js "$TRUNK_STAGING_DIR"/autonomie-extras.js \
  "$TRUNK_STAGING_DIR"/autonomie-staff.js; do
  terser "$glue" --module --compress --mangle --output "$glue.min"
  mv "$glue.min" "$glue"
done

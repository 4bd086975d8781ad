#!/usr/bin/env bash
# Trunk post-build hook (see Trunk.toml): minifies the JavaScript glue wasm-bindgen writes next
# to each wasm module, about 2 KB brotli less per module (release builds only); stamps the
# files' hashes into the loader (every build); minifies the loader (release). terser is
# installed by scripts/setup.sh; its version is in tools/versions.env.
set -euo pipefail
# Trunk may run the hooks of one stage at the same time: this one then stamps the hashes
# (scripts/stamp-integrity.sh), so that they describe the minified files.
stamp() { bash "$(dirname "${BASH_SOURCE[0]}")/stamp-integrity.sh"; }
[[ "${TRUNK_PROFILE:-}" == release ]] || { stamp; exit 0; }
if ! command -v terser >/dev/null; then
  echo "minify-glue: terser is missing; build through scripts/serve.sh or scripts/test.sh" >&2
  exit 1
fi
for glue in "$TRUNK_STAGING_DIR"/autonomie-app.js "$TRUNK_STAGING_DIR"/autonomie-extras.js \
  "$TRUNK_STAGING_DIR"/autonomie-staff.js; do
  terser "$glue" --module --compress --mangle --output "$glue.min"
  mv "$glue.min" "$glue"
done
stamp
# The loader last, once its hash table is written: comments and long names out (about 1 KB
# brotli on the first question).
terser "$TRUNK_STAGING_DIR/autonomie.js" --module --compress --mangle --output "$TRUNK_STAGING_DIR/autonomie.js.min"
mv "$TRUNK_STAGING_DIR/autonomie.js.min" "$TRUNK_STAGING_DIR/autonomie.js"

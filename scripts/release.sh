#!/usr/bin/env bash
# Builds a release and writes, into target/release-package/:
#   autonomie-numerique-<version>.tgz   the npm package (npm pack), served by public CDNs at
#                                       exact-version addresses
#   autonomie-numerique-<version>.zip   the same widget files, for self-hosting
#   SHA256SUMS                          of both
# The version is the workspace's (Cargo.toml, [workspace.package]); nothing else holds it.
# Needs no Rust toolchain or npm dependency to use: the package is static files.
#
#   scripts/release.sh             install what is missing, build, package
#   scripts/release.sh --no-build  package the release build already in dist/ (scripts/test.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

build=1
[[ "${1:-}" == "--no-build" ]] && build=0
if (( build )); then
  eval "$(scripts/setup.sh)"
  trunk build --release --offline
fi
for tool in npm zip openssl; do
  command -v "$tool" >/dev/null || { echo "release: $tool is missing" >&2; exit 1; }
done
[[ -f dist/autonomie.js ]] || { echo "release: no build in dist/" >&2; exit 1; }
if ! grep -qF '"autonomie-app_bg.wasm":"sha384-' dist/autonomie.js; then
  echo "release: dist/autonomie.js carries no hashes (scripts/stamp-integrity.sh did not run)" >&2
  exit 1
fi

version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)"
repository="$(sed -n '/^\[workspace.package\]/,/^\[/s/^repository = "\(.*\)"/\1/p' Cargo.toml)"
[[ -n "$version" && -n "$repository" ]] || { echo "release: no version or repository in Cargo.toml" >&2; exit 1; }
name="autonomie-numerique"
out="target/release-package"
stage="$out/$name-$version"
rm -rf "$out"
mkdir -p "$stage/widget"

# The widget's files: loader, modules and wasm, languages, shipped data (places, postal
# codes, their sources), the standalone page and its service worker, and the partner page
# with the configurator. Not the demo town page.
for f in autonomie.js autonomie-app.js autonomie-app_bg.wasm autonomie-extras.js \
  autonomie-extras_bg.wasm autonomie-staff.js autonomie-staff_bg.wasm index.html page.css sw.js; do
  cp "dist/$f" "$stage/widget/$f"
done
cp -r dist/i18n dist/data dist/partenaires "$stage/widget/"

loader_integrity="sha384-$(openssl dgst -sha384 -binary dist/autonomie.js | openssl base64 -A)"
sed -e "s#@VERSION@#$version#g" -e "s#@INTEGRITY@#$loader_integrity#g" \
  packaging/README.md > "$stage/README.md"
cp LICENSE "$stage/LICENSE"
cat > "$stage/package.json" <<JSON
{
  "name": "$name",
  "version": "$version",
  "description": "Autodiagnostic d'autonomie numérique à intégrer sur un site (widget web, sans serveur) : la personne fait le point et imprime un résumé pour un lieu de médiation numérique.",
  "license": "MIT",
  "repository": {
    "type": "git",
    "url": "git+$repository.git"
  },
  "keywords": ["inclusion numérique", "médiation numérique", "widget", "webassembly"],
  "browser": "widget/autonomie.js",
  "files": [
    "widget/"
  ]
}
JSON

# Reproducible archives: every file dated from the commit, listed in a fixed order.
epoch="$(git log -1 --format=%ct 2>/dev/null || echo 0)"
find "$stage" -exec touch -h -d "@$epoch" {} +
(cd "$out" && npm pack "./$name-$version" --pack-destination . --silent >/dev/null)
(cd "$stage/widget" && find . -type f | LC_ALL=C sort | sed 's#^\./##' \
  | TZ=UTC zip -q -X -D "../../$name-$version.zip" -@)
(cd "$out" && sha256sum "$name-$version.tgz" "$name-$version.zip" > SHA256SUMS)
echo "release: $out/$name-$version.tgz, $out/$name-$version.zip, $out/SHA256SUMS"
echo "release: loader integrity $loader_integrity"

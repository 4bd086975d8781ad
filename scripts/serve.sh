#!/usr/bin/env bash
# Installs what is missing, builds the widget and serves it on http://127.0.0.1:8080
# (the standalone page at /, the partner page at /partenaires/).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
eval "$(scripts/setup.sh)"
# No auto-reload: it would inject an inline script and a websocket into the page, which the
# widget's own page does not have when hosted (and a strict CSP would refuse).
exec trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port 8080

#!/usr/bin/env bash
# Browser tests of the playground: serves web/dist (built by web/build.sh)
# on 127.0.0.1 and runs web/tests/ in headless Chromium (Debian's
# /usr/bin/chromium; playwright-core from web/package-lock.json drives it
# and downloads no browser). The examples' diagnostics are compared with
# the trustlint binary's, built here; the committee report the binary
# writes is opened and printed too (web/tests/report.test.mjs, which needs
# Debian's python3-html5lib). Screenshots go to web/test-output/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "no Chromium at $chromium: install Debian's package (apt-get install chromium) or set CHROMIUM" >&2
  exit 2
fi
if [ ! -f web/dist/index.html ] || [ ! -f web/dist/trustlint_web_bg.wasm ]; then
  echo "web/dist is not built: run web/build.sh first" >&2
  exit 2
fi

(cd web && npm ci --no-audit --no-fund --loglevel=error)
cargo build --locked --quiet --bin trustlint
bin="${CARGO_TARGET_DIR:-$root/target}/debug/trustlint"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server --bind 127.0.0.1 --directory web/dist "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/" >/dev/null && break
  sleep 0.1
done

PLAYGROUND_URL="http://127.0.0.1:$port/" TRUSTLINT_BIN="$bin" CHROMIUM="$chromium" \
  node --test --test-reporter=spec web/tests/

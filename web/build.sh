#!/usr/bin/env bash
# Builds the browser playground into web/dist/: the library compiled to
# WebAssembly (web/ is its own crate), bound to JavaScript by wasm-bindgen,
# beside index.html, app.js and style.css. Serve web/dist with any static
# server, e.g. `python3 -m http.server -d web/dist`.
#
# Needs the wasm32-unknown-unknown target and the wasm-bindgen CLI of
# exactly the version web/Cargo.toml pins; both are installed when missing
# (`cargo install wasm-bindgen-cli` takes some minutes on two cores; see
# the README for why it runs without --locked).
set -euo pipefail
web="$(cd "$(dirname "$0")" && pwd)"
cd "$web"

# The one version both halves must agree on, read from web/Cargo.toml.
version="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"$/\1/p' Cargo.toml)"
if [ -z "$version" ]; then
  echo "web/Cargo.toml does not pin wasm-bindgen to an exact version (\"=X.Y.Z\")" >&2
  exit 2
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]; then
  echo "== installing wasm-bindgen-cli $version"
  # Without --locked: 0.2.130's lock file pins webpki-roots 1.0.11, which the
  # registry does not offer, so `--locked` fails; the CLI resolves anew.
  cargo install wasm-bindgen-cli --version "$version"
fi

target_dir="${CARGO_TARGET_DIR:-$web/target}"
cargo build --locked --release --target wasm32-unknown-unknown
rm -rf dist
mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist \
  "$target_dir/wasm32-unknown-unknown/release/trustlint_web.wasm"
cp index.html app.js style.css dist/
echo "web/dist: $(du -sh dist | cut -f1) ($(gzip -c dist/trustlint_web_bg.wasm | wc -c) bytes of gzipped wasm)"

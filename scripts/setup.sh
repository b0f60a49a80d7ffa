#!/usr/bin/env bash
# Installs whatever Myomap's build and tests need and is missing; quick when all is present.
# Works on a fresh Debian 12 machine (as root, or with sudo) that has rustup, Node 20 and apt.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1;36m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate the app links against.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Rust toolchain pieces (rust-toolchain.toml names them; rustup installs on first use).
if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
    say "adding rustup component $c"
    rustup component add "$c"
  fi
done

# Browser for component and end-to-end tests: Debian's Chromium (test tools cannot download theirs here).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian chromium and chromium-driver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

# Reading printed reports and sheets in the end-to-end tests: pdftotext (Debian's poppler-utils).
if ! command -v pdftotext >/dev/null; then
  say "installing poppler-utils (pdftotext)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y poppler-utils || {
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y poppler-utils
  }
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (compiles for several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ] ||
   ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WBG_VERSION (compiles for several minutes)"
  # Not --locked: one of its locked dependency versions is gone from the registry.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# npm tooling: wasm-opt (binaryen), Playwright, axe-core, and for the benchmark esbuild, React and
# react-body-highlighter (its peer page) and Lighthouse, exactly as locked.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.myomap-lock; then
  say "installing npm tooling (npm ci)"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.myomap-lock
fi

say "ready: $(trunk --version), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1)"

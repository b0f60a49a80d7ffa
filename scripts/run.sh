#!/usr/bin/env bash
# Installs what is missing, builds the release and serves Myomap at http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release
exec node scripts/serve.mjs dist "${PORT:-8080}"

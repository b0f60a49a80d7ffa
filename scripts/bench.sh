#!/usr/bin/env bash
# Installs what is missing, builds the release and measures Myomap's performance budgets, beside
# a peer page and a bare page in the same Chromium, then with Lighthouse (scripts/bench.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release
node scripts/bench.mjs

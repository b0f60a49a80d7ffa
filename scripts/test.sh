#!/usr/bin/env bash
# Installs what is missing, then runs every test tier; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n\033[1;35m== %s ==\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "lint (wasm and native, warnings are errors)"
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --all-targets -- -D warnings

step "domain tests (native)"
cargo test

step "component tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

step "release build"
trunk build --release

step "first-load size budget"
node scripts/size-check.mjs dist

step "end-to-end tests (Playwright, tablet viewports, touch)"
npx playwright test

printf '\nall test tiers passed\n'

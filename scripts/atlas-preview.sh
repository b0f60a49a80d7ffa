#!/usr/bin/env bash
# Renders the atlas review sheet (front/back x superficial/deep, labelled, 50-unit grid) to a PNG.
# Usage: scripts/atlas-preview.sh [out.png] [muscle-id-filter] [crop: x,y,w,h in sheet pixels]
# The sheet is 1900x1050 px; each of the four panels is 475 px wide (1 atlas unit = 1.25 px).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-target/atlas-preview.png}")
work=$(mktemp -d)
mkdir -p "$(dirname "$out")"
cargo run -q --example atlas_preview -- ${2:-} > "$work/sheet.svg"
if [ -n "${3:-}" ]; then
  IFS=, read -r cx cy cw ch <<< "$3"
  scale=$(( 1800 / cw < 1000 / ch ? 1800 / cw : 1000 / ch )); [ "$scale" -lt 1 ] && scale=1
  printf '<html><body style="margin:0;overflow:hidden"><div style="width:%dpx;height:%dpx;overflow:hidden"><img src="sheet.svg" style="transform-origin:0 0;transform:scale(%d) translate(-%dpx,-%dpx)"></div></body></html>' \
    $((cw*scale)) $((ch*scale)) "$scale" "$cx" "$cy" > "$work/index.html"
  size="$((cw*scale)),$((ch*scale))"
else
  printf '<html><body style="margin:0"><img src="sheet.svg"></body></html>' > "$work/index.html"
  size="1900,1050"
fi
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size="$size" --screenshot="$out" "file://$work/index.html" >/dev/null 2>&1
rm -rf "$work"
echo "$out"

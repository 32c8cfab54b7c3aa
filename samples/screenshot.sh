#!/usr/bin/env bash
# Renders the evidence page of samples/thread to docs/evidence-page.png for the README, in
# headless Chromium (Debian: apt-get install chromium). Usage: bash samples/screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run -q --release -- --lang it evidence --format html --trust samples/pki/trust-root.pem samples/thread > "$tmp/page.html" || [ $? -eq 1 ]  # 1: the thread holds a tampered receipt
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$tmp/profile" --window-size=1000,1400 \
  --screenshot="$PWD/docs/evidence-page.png" "file://$tmp/page.html"
echo "wrote docs/evidence-page.png"

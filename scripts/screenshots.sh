#!/usr/bin/env bash
# Regenerates the README's pictures of peckit's output, from the bundled samples:
#   docs/verify-80-columns.txt  `peckit --lang it verify` as an 80-column terminal shows it (tmux)
#   docs/evidence-page.png      the Italian evidence page as Chromium renders it
# Needs tmux and chromium (Debian: tmux, chromium). Run from anywhere; writes into docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/peckit"

# A detached tmux session of exactly 80 columns: what a user's terminal would show.
session="peckit-shot-$$"
tmux new-session -d -s "$session" -x 80 -y 60
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
tmux send-keys -t "$session" "clear; NO_COLOR=1 $bin --lang it verify --trust samples/pki/trust-root.pem samples/thread; tmux wait-for -S done-$$" Enter
tmux wait-for "done-$$"
tmux capture-pane -p -t "$session" | sed -e 's/[[:space:]]*$//' | sed -e '/./,$!d' > docs/verify-80-columns.txt
# Keep what the command printed: drop the shell's lines (the typed command, the prompts).
grep -v -e "tmux wait-for" -e '[$#]$' docs/verify-80-columns.txt > docs/verify-80-columns.tmp || true
# Trailing white space and the empty rows below the output go.
sed -e 's/[[:space:]]*$//' docs/verify-80-columns.tmp | awk 'NF { for (; blank > 0; blank--) print ""; print; next } { blank++ }' > docs/verify-80-columns.txt
rm docs/verify-80-columns.tmp

page="$(mktemp -d)"
"$bin" --lang it evidence --format html --trust samples/pki/trust-root.pem samples/thread > "$page/riepilogo.html" || true
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$page/profile" --window-size=900,1300 \
  --screenshot="$PWD/docs/evidence-page.png" "file://$page/riepilogo.html" 2>/dev/null
rm -rf "$page"
echo "wrote docs/verify-80-columns.txt and docs/evidence-page.png"

#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), seeded from fuzz/seeds and, when
# present, ../shared/corpus. Needs cargo-fuzz (cargo install cargo-fuzz); the stable compiler
# runs it with RUSTC_BOOTSTRAP=1. Crashes land in fuzz/artifacts/<target>/: copy each into
# fuzz/regressions/<target>/ and fix it; tests/cli/fuzz_regressions.rs replays them.
#   bash fuzz/run.sh [SECONDS] [TARGET...]
set -eu
cd "$(dirname "$0")"
secs=${1:-60}
shift || true
targets=${*:-read daticert cms names xades}
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
for t in $targets; do
  mkdir -p "corpus/$t"
  cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null || true
  if [ "$t" = read ] && [ -d ../../shared/corpus ]; then cp -n ../../shared/corpus/*.eml "corpus/$t/" 2>/dev/null || true; fi
  echo "== $t for ${secs}s"
  cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 2>&1 | tail -n 12
done

#!/usr/bin/env bash
# peckit's speed benchmark: ratios against OpenSSL and the hardware, never absolute pass/fail.
#
#   bash benches/bench.sh [RECEIPTS=10000] [LARGE=3]
#
# Generates (once, cached under target/bench-corpus) RECEIPTS distinct signed receipts and
# LARGE ~10 MB envelopes with samples/make-samples.py, then reports:
#   - receipts per second with 1 core and with all cores (the median of five runs each,
#     alternated, every run printed);
#   - MB/s on the large envelopes, against sha256sum on the same files;
#   - peak RSS for 1/10 of the receipts and for all of them (should not grow with the count),
#     also with mimalloc returning freed memory at once (MIMALLOC_PURGE_DELAY=0);
#   - the ratio to `openssl smime -verify` run once per file (how receipts are checked today);
#   - the ratio to the hardware bound: one `openssl speed rsa2048` verify plus SHA-256 of the
#     file, per receipt; and to the same bound plus taking the file from the page cache
#     (the stages bench's `file` line), with the stages' split of one receipt's time;
#   - the two-core ratio, peak RSS of verify in every format, of evidence at 1k/10k receipts
#     and 100k tiny messages (an mbox it writes once), and extract's throughput on the large
#     envelopes and on RECEIPTS everyday envelopes, against copying its output (issue #17);
#     archive's rate on the receipts, against copying them.
# Needs: python3, openssl, GNU time (/usr/bin/time). Files are read from a warm page cache.
set -eu   # no pipefail: `ls | head` ends with SIGPIPE by design
cd "$(dirname "$0")/.."
N=${1:-10000}
L=${2:-3}
B=target/bench-corpus
P=target/release/peckit
TRUST=(--trust samples/pki/trust-root.pem)
cargo build --release --quiet
if [ ! -f "$B/.done-$N-$L" ]; then
  rm -rf "$B"
  python3 samples/make-samples.py --bench "$B" "$N" "$L"
  touch "$B/.done-$N-$L"
fi
mkdir -p "$B/tenth"
if [ ! -f "$B/tenth/.done" ]; then
  ls "$B/receipts" | head -n $((N / 10)) | while read -r f; do ln -f "$B/receipts/$f" "$B/tenth/$f"; done
  touch "$B/tenth/.done"
fi
cat "$B"/receipts/* "$B"/large/* > /dev/null   # warm the page cache

measure() { # prints "seconds maxrss_kb" for the command
  # The clock in nanoseconds: GNU time's %e counts hundredths, 5% of a 0.2 s two-core run.
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$B/.time" "$@" > /dev/null 2>&1 || true
  end=$(date +%s%N)
  # GNU time puts "Command exited with non-zero status N" first.
  echo "$(awk -v ns=$((end - start)) 'BEGIN { printf "%.4f", ns / 1e9 }') $(tail -n 1 "$B/.time")"
}
cores=$(nproc)
# One core and all cores: the median of five runs each, alternated so that a slow spell of
# the shared machine falls on both (its speed wanders by several per cent between runs).
t1s=(); tns=()
for _ in 1 2 3 4 5; do
  read -r t rss1 < <(measure "$P" verify -q -j 1 "${TRUST[@]}" "$B/receipts")
  t1s+=("$t")
  read -r t rssn < <(measure "$P" verify -q -j "$cores" "${TRUST[@]}" "$B/receipts")
  tns+=("$t")
done
t1=$(printf '%s\n' "${t1s[@]}" | sort -n | sed -n 3p)
tn=$(printf '%s\n' "${tns[@]}" | sort -n | sed -n 3p)
echo "runs (seconds), 1 core: ${t1s[*]}; $cores cores: ${tns[*]}"
read -r tt rsst < <(measure "$P" verify -q -j "$cores" "${TRUST[@]}" "$B/tenth")
# mimalloc keeps freed pages for up to a second before returning them; without that delay the
# peak shows what peckit itself holds.
read -r _ rssn0 < <(MIMALLOC_PURGE_DELAY=0 measure "$P" verify -q -j "$cores" "${TRUST[@]}" "$B/receipts")
read -r _ rsst0 < <(MIMALLOC_PURGE_DELAY=0 measure "$P" verify -q -j "$cores" "${TRUST[@]}" "$B/tenth")
# The large envelopes ten times over, so the timings are long enough to read.
reps=(); for _ in 1 2 3 4 5 6 7 8 9 10; do reps+=("$B/large"); done
read -r tl rssl < <(measure "$P" verify -q -j 1 "${TRUST[@]}" "${reps[@]}")
read -r ts _ < <(measure sha256sum $(for r in "${reps[@]}"; do echo "$r"/*.eml; done))
bytes_large=$(( $(cat "$B"/large/*.eml | wc -c) * 10 ))
bytes_receipts=$(cat "$B"/receipts/*.eml | wc -c)

# OpenSSL once per file, on a sample of 300 receipts.
sample=$(ls "$B/receipts" | head -n 300)
start=$(date +%s.%N)
for f in $sample; do openssl smime -verify -CAfile samples/pki/trust-root.pem -in "$B/receipts/$f" -out /dev/null 2>/dev/null || true; done
end=$(date +%s.%N)

rsa=$(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ {print $NF}')
sha=$(openssl speed -seconds 1 -evp sha256 2>/dev/null | awk '/^sha256/ {print $NF}' | tr -d k)

awk -v n="$N" -v t1="$t1" -v tn="$tn" -v cores="$cores" -v tl="$tl" -v ts="$ts" -v bl="$bytes_large" \
    -v br="$bytes_receipts" -v os_t="$(echo "$end - $start" | bc)" -v rsa="$rsa" -v sha="$sha" \
    -v rss1="$rss1" -v rssn="$rssn" -v rsst="$rsst" -v rssl="$rssl" -v rssn0="$rssn0" -v rsst0="$rsst0" 'BEGIN {
  per1 = n / t1; pern = n / tn
  printf "receipts: %d files, %.1f KB on average\n", n, br / n / 1024
  printf "  1 core:   %8.0f receipts/s  (%.1f us each)\n", per1, 1e6 / per1
  printf "  %d cores:  %8.0f receipts/s\n", cores, pern
  ossl = 300 / os_t
  printf "  openssl smime -verify once per file: %.0f files/s -> peckit is %.0fx faster (%d cores), %.0fx (1 core)\n", ossl, pern / ossl, cores, per1 / ossl
  bound = 1 / (1 / rsa + (br / n) / (sha * 1000))
  printf "  hardware bound (1 RSA-2048 verify + SHA-256 of the file, 1 core): %.0f/s -> peckit at %.2fx of it\n", bound, bound / per1
  printf "large envelopes: %.1f MB in %.2fs = %.0f MB/s (1 core); sha256sum %.0f MB/s -> %.2f of sha256sum\n", bl / 1e6, tl, bl / 1e6 / tl, bl / 1e6 / ts, ts / tl
  printf "peak RSS: %d KB for %d receipts, %d KB for %d receipts, %d KB for the large envelopes\n", rsst, n / 10, rssn, n, rssl
  printf "peak RSS with MIMALLOC_PURGE_DELAY=0: %d KB for %d receipts, %d KB for %d receipts\n", rsst0, n / 10, rssn0, n
}'

# Where one receipt's time goes (in process, files in memory), and the floor any verifier
# pays before its work: taking the file from the page cache (open, measure, read, close).
stages=$(cargo bench --quiet --bench stages -- "$B/tenth" samples/pki/trust-root.pem 2>/dev/null)
echo "stages, microseconds per receipt (cargo bench --bench stages -- $B/tenth):"
echo "$stages" | sed 's/^/    /'
file_us=$(echo "$stages" | awk '$1 == "file" { print $2 }')
awk -v n="$N" -v t1="$t1" -v rsa="$rsa" -v sha="$sha" -v br="$bytes_receipts" -v f="${file_us:-0}" 'BEGIN {
  per = 1e6 / rsa + (br / n) / (sha * 1000) * 1e6 + f
  printf "  hardware bound with the file read (RSA + SHA-256 + %.1f us to take the file): %.0f/s -> peckit at %.2fx of it\n", f, 1e6 / per, (t1 / n * 1e6) / per
}'

# Issue #17: the two-core ratio, peak memory of every format and of evidence as the count
# grows (a generated mbox of tiny messages for 100,000), and extract's throughput.
awk -v t1="$t1" -v tn="$tn" -v cores="$cores" 'BEGIN { printf "  %d cores / 1 core: %.2fx\n", cores, t1 / tn }'
for f in table json jsonl csv; do
  read -r _ r < <(measure "$P" verify -q --format "$f" "${TRUST[@]}" "$B/receipts")
  echo "peak RSS, verify --format $f, $N receipts: $r KB"
done
if [ ! -f "$B/tiny-100000.mbox" ]; then
  python3 - "$B/tiny-100000.mbox" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(100000):
        f.write(f"From a@b Mon Jan  1 00:00:00 2024\nSubject: m{i}\nMessage-ID: <m{i}@b.example>\n\nciao\n\n")
PY
fi
read -r _ e1 < <(measure "$P" evidence --format json "${TRUST[@]}" "$B/tenth")
read -r _ e10 < <(measure "$P" evidence --format json "${TRUST[@]}" "$B/receipts")
read -r _ e100 < <(measure "$P" evidence --format json "$B/tiny-100000.mbox")
read -r _ v100 < <(measure "$P" verify -q --format jsonl "$B/tiny-100000.mbox")
echo "peak RSS, evidence --format json: $e1 KB ($((N / 10)) receipts), $e10 KB ($N receipts), $e100 KB (100,000 tiny messages in an mbox)"
echo "peak RSS, verify --format jsonl, 100,000 tiny messages in an mbox: $v100 KB"
# Extraction writes into folders never used before: ext4 allocates inodes slowly for a while
# where many were just deleted, which would measure the file system's history, not peckit.
fresh() { echo "$B/out-$1-$(date +%s%N)"; }
read -r tx _ < <(measure "$P" extract "${TRUST[@]}" "$B"/large/*.eml -o "$(fresh large)")
awk -v t="$tx" -v b="$(cat "$B"/large/*.eml | wc -c)" 'BEGIN { printf "extract, the large envelopes: %.0f MB/s\n", b / t / 1e6 }'
# N everyday envelopes (~24 KB, a 12 KB attachment each), generated once.
if [ ! -f "$B/.envelopes-done-$N" ]; then
  rm -rf "$B/envelopes" "$B/envelopes-tenth"
  python3 samples/make-samples.py --bench-envelopes "$B/envelopes" "$N"
  mkdir -p "$B/envelopes-tenth"
  ls "$B/envelopes" | grep '\.eml$' | head -n $((N / 10)) | while read -r f; do ln -f "$B/envelopes/$f" "$B/envelopes-tenth/$f"; done
  touch "$B/.envelopes-done-$N"
fi
cat "$B"/envelopes/*.eml > /dev/null
sync
out=$(fresh envelopes)
read -r te rsse < <(measure "$P" extract "${TRUST[@]}" "$B/envelopes" -o "$out")
read -r _ rsse10 < <(measure "$P" extract "${TRUST[@]}" "$B/envelopes-tenth" -o "$(fresh tenth)")
sync
# The disk's own pace for the same files: copying what extract wrote, then one sync.
start=$(date +%s%N); cp -r "$out" "$(fresh copy)"; sync; end=$(date +%s%N)
awk -v n="$N" -v t="$te" -v c="$(( end - start ))" -v f="$(find "$out" -type f | wc -l)" -v b="$(du -sb "$out" | cut -f1)" \
    -v r="$rsse" -v r10="$rsse10" 'BEGIN {
  printf "extract, %d envelopes: %.1f s, %.0f envelopes/s, %d files, %.0f MB written; cp -r of its output + sync: %.1f s -> %.2fx of the copy\n", n, t, n / t, f, b / 1e6, c / 1e9, t / (c / 1e9)
  printf "peak RSS, extract: %d KB (%d envelopes), %d KB (%d envelopes)\n", r10, n / 10, r, n
}'
# archive: every receipt kept byte for byte, recorded, durable (groups of messages share one
# flush of the disk), against copying the same files and one sync.
out=$(fresh archive)
read -r ta rssa < <(measure "$P" archive -q "${TRUST[@]}" "$B/receipts" -o "$out")
sync
start=$(date +%s%N); cp -r "$B/receipts" "$(fresh copy)"; sync; end=$(date +%s%N)
awk -v n="$N" -v t="$ta" -v c="$(( end - start ))" -v r="$rssa" 'BEGIN {
  printf "archive, %d receipts: %.1f s, %.0f messages/s, peak RSS %d KB; cp -r of the receipts + sync: %.1f s -> %.2fx of the copy\n", n, t, n / t, r, c / 1e9, t / (c / 1e9)
}'
rm -rf "$B"/out-*

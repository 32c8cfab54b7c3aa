#!/usr/bin/env bash
# Peak memory of the attack shapes of issue #13 at full size (the test suite runs them small):
#   nested   63 MB of PEC-looking messages nested 9 deep          bound: 3 x input + 64 MB
#   mbox     one 1.5 GB message (sparse) in an mbox, then one more   bound: refused unread
#   many     an mbox of 1,000,000 tiny messages, every format     bound: flat in the count
# Usage: bash benches/memory.sh [WORKDIR]   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/peckit
work=${1:-target/bench-memory}
mkdir -p "$work"

peak() { # prints "peak MiB, seconds" of one run
  local start end kib
  start=$(date +%s.%N)
  kib=$(PECKIT_REPORT_PEAK_RSS=1 "$bin" "$@" 2>&1 >/dev/null | sed -n 's/^peckit: peak-rss-kib //p')
  end=$(date +%s.%N)
  awk -v k="$kib" -v s="$start" -v e="$end" 'BEGIN { printf "%6.1f MiB %6.1f s", k / 1024, e - s }'
}

python3 - "$work" <<'PY'
import sys, os
work = sys.argv[1]
inner = b"From: a@example.com\nSubject: x\n\n" + b"a" * (63 * 1024 * 1024) + b"\n"
for level in range(9):
    head = (f"X-Trasporto: posta-certificata\nSubject: POSTA CERTIFICATA: {level}\nMIME-Version: 1.0\n"
            f"Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=\"s{level}\"\n\n"
            f"--s{level}\nContent-Type: multipart/mixed; boundary=\"m{level}\"\n\n--m{level}\n"
            f"Content-Type: message/rfc822; name=\"postacert.eml\"\nContent-Transfer-Encoding: 8bit\n\n").encode()
    tail = (f"\n--m{level}--\n\n--s{level}\nContent-Type: application/pkcs7-signature\n"
            f"Content-Transfer-Encoding: base64\n\nAAAA\n--s{level}--\n").encode()
    inner = head + inner + tail
open(os.path.join(work, "nested.eml"), "wb").write(inner)
with open(os.path.join(work, "big.mbox"), "wb") as f:
    f.write(b"From a@b Mon Jan  1 00:00:00 2024\nSubject: huge\n\n")
    f.seek(1536 * 1024 * 1024)
    f.write(b"\n\nFrom c@d Mon Jan  1 00:00:00 2024\nSubject: small\n\nok\n")
with open(os.path.join(work, "many.mbox"), "wb") as f:
    for i in range(1_000_000):
        f.write(b"From a@b Mon Jan  1 00:00:00 2024\nSubject: m%d\n\nciao\n\n" % i)
PY

echo "nested (63 MB input, bound $((3 * 63 + 64)) MiB):"
echo "  verify  $(peak verify --format json "$work/nested.eml")"
echo "  inspect $(peak inspect --format json "$work/nested.eml")"
echo "mbox with one 1.5 GB message:"
echo "  verify  $(peak verify --format json "$work/big.mbox")"
echo "mbox of 1,000,000 tiny messages ($(du -m "$work/many.mbox" | cut -f1) MB):"
for format in table json jsonl csv; do
  echo "  verify --format $format  $(peak verify --format "$format" "$work/many.mbox")"
done

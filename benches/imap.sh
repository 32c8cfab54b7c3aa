#!/usr/bin/env bash
# Reading a mailbox against reading files: messages per second through `peckit verify` from a
# throwaway Dovecot on 127.0.0.1 (TLS, the samples' test CA), and from the same messages as
# files, in the same run. Reports the ratio, never a pass/fail.
#
#   sudo bash benches/imap.sh [MESSAGES=3000]
#
# Needs root (Dovecot drops to its own users), Debian's dovecot-imapd, python3, and the
# bench corpus (bash benches/bench.sh makes it, or this script does).
set -eu
cd "$(dirname "$0")/.."
N=${1:-3000}
B=target/bench-corpus
P=target/release/peckit
cargo build --release --quiet
[ -d "$B/receipts" ] || python3 samples/make-samples.py --bench "$B" 10000 3
W=$(mktemp -d)
trap 'kill -TERM "$(cat "$W/pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$W"' EXIT
chmod 755 "$W"
mkdir -p "$W/home/bench/Maildir/"{cur,new,tmp} "$W/state" "$W/files"
# The box holds what IMAP carries (CRLF); the files are the same bytes.
python3 - "$B/receipts" "$W" "$N" <<'EOF'
import os, re, sys
src, w, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sorted(f for f in os.listdir(src) if f.endswith(".eml"))[:n]
for i, f in enumerate(names):
    data = re.sub(rb"(?<!\r)\n", b"\r\n", open(os.path.join(src, f), "rb").read())
    open(os.path.join(w, "home/bench/Maildir/new", f"{i}.bench"), "wb").write(data)
    open(os.path.join(w, "files", f), "wb").write(data)
EOF
chown -R nobody:nogroup "$W/home"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
echo "bench:{PLAIN}bench::::::" > "$W/passwd"
cat > "$W/dovecot.conf" <<EOF
base_dir = $W/run
state_dir = $W/state
log_path = $W/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <$PWD/samples/pki/imap-server.pem
ssl_key = <$PWD/samples/pki/imap-server.key
auth_mechanisms = plain
first_valid_uid = 1
default_login_user = dovenull
default_internal_user = dovecot
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $W/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$W/home/%u
}
service imap-login {
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    port = $PORT
    ssl = yes
  }
}
EOF
/usr/sbin/dovecot -F -c "$W/dovecot.conf" & echo $! > "$W/pid"
for _ in $(seq 100); do (echo > /dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
URL="imaps://bench@127.0.0.1:$PORT/INBOX"
ARGS=(verify -q --trust samples/pki/trust-root.pem --imap-ca samples/pki/imap-ca.pem)
# The first pass builds Dovecot's index; the measured runs read a warm box, as files are read
# from a warm page cache.
PECKIT_IMAP_PASSWORD=bench $P "${ARGS[@]}" "$URL" || true
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
IMAP=$(PECKIT_IMAP_PASSWORD=bench t $P "${ARGS[@]}" "$URL")
FILES=$(t $P "${ARGS[@]}" "$W/files")
printf 'messages: %d\n' "$N"
printf 'IMAP  (fetch + verify): %8.0f messages/s  (%.2f s)\n' "$(echo "$N / $IMAP" | bc -l)" "$IMAP"
printf 'files (read + verify):  %8.0f messages/s  (%.2f s)\n' "$(echo "$N / $FILES" | bc -l)" "$FILES"
printf 'IMAP / files: %.2f of the file rate\n' "$(echo "$FILES / $IMAP" | bc -l)"

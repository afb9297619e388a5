#!/usr/bin/env bash
# Capture a TCP self-connect (simultaneous open with one socket) on loopback into
# test/fixtures/captures/self-connect.txt. Needs root and tcpdump; stops by itself.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
out=test/fixtures/captures/self-connect.txt
timeout 5 tcpdump -i lo -n -S -l --immediate-mode 'tcp port 47321' > "$out" 2>/dev/null &
sleep 1
node scripts/capture/self-connect.mjs
sleep 1.5
wait || true
echo "written: $out"

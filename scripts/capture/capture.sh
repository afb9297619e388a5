#!/usr/bin/env bash
# Records real Linux TCP exchanges on the loopback interface.
#
#   sudo bash scripts/capture/capture.sh [VARIANT...]     (run from the repo root)
#
# For each variant (default: all): starts tcpdump on lo for that variant's own
# port, runs `node scripts/capture/exchange.mjs VARIANT PORT`, stops tcpdump,
# then writes
#   test/fixtures/captures/VARIANT.txt   tcpdump -n -S -tt text (absolute seq)
#   test/fixtures/captures/VARIANT.json  parsed segments (scripts/capture/parse.mjs),
#                                        checked against the pcap's TCP headers
# and, for basic / close-late / server-idle-close-wait, a separate run (own port,
# not captured, so spawning `ss` cannot disturb the capture) with `ss -tan`
# snapshots in test/fixtures/captures/VARIANT.ss.txt.
# Only 127.0.0.1 is used; every step is bounded by `timeout`.
set -euo pipefail

cd "$(dirname "$0")/../.."
OUT=test/fixtures/captures
mkdir -p "$OUT"

command -v tcpdump >/dev/null || { echo "tcpdump missing: apt-get install -y tcpdump" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "needs root (tcpdump): sudo bash $0" >&2; exit 1; }

declare -A PORTS=(
	[basic]=47001
	[close-late]=47002
	[closed-port]=47003
	[unread-close]=47004
	[abort]=47005
	[half-close]=47006
	[data-burst]=47007
	[server-idle-close-wait]=47008
)
ORDER=(basic close-late closed-port unread-close abort half-close data-burst server-idle-close-wait)
SS_VARIANTS=(basic close-late server-idle-close-wait)
KERNEL=$(uname -r)

TMP=$(mktemp -d)
TCPDUMP_PID=
cleanup() {
	if [ -n "$TCPDUMP_PID" ] && kill -0 "$TCPDUMP_PID" 2>/dev/null; then
		kill "$TCPDUMP_PID" 2>/dev/null || true
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT

capture() {
	local v=$1 port=${PORTS[$1]}
	local pcap="$TMP/$v.pcap" err="$TMP/$v.tcpdump.err"
	echo "=== $v (port $port)"
	# --immediate-mode: without it libpcap hands packets over in ring-buffer
	# blocks (up to ~1 s late) and a SIGTERM loses the last block, i.e. a
	# whole short capture. -U: write each packet to the file at once.
	# -Z root: keep write access to $TMP.
	timeout 15 tcpdump -i lo -n -S -tt --immediate-mode -U -Z root -w "$pcap" "tcp port $port" 2>"$err" &
	TCPDUMP_PID=$!
	for _ in $(seq 50); do
		grep -q 'listening on' "$err" 2>/dev/null && break
		sleep 0.1
	done
	grep -q 'listening on' "$err" || { cat "$err" >&2; echo "tcpdump did not start" >&2; exit 1; }
	sleep 0.2
	timeout 10 node scripts/capture/exchange.mjs "$v" "$port"
	sleep 0.5
	kill -TERM "$TCPDUMP_PID"
	wait "$TCPDUMP_PID" || true
	TCPDUMP_PID=
	grep -E 'packets (captured|dropped)' "$err" | sed 's/^/tcpdump: /'
	tcpdump -r "$pcap" -n -S -tt 2>/dev/null >"$OUT/$v.txt"
	node scripts/capture/parse.mjs --variant "$v" --port "$port" --kernel "$KERNEL" \
		--pcap "$pcap" --in "$OUT/$v.txt" >"$OUT/$v.json"
}

ss_run() {
	local v=$1 port=$((${PORTS[$1]} + 100))
	local f="$OUT/$v.ss.txt"
	echo "=== $v with ss snapshots (port $port, not captured)"
	printf '# ss -tan snapshots during variant %s on port %s (kernel %s)\n\n' "$v" "$port" "$KERNEL" >"$f"
	SS_LOG="$f" timeout 10 node scripts/capture/exchange.mjs "$v" "$port" >/dev/null
}

VARIANTS=("$@")
[ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=("${ORDER[@]}")
for v in "${VARIANTS[@]}"; do
	[ -n "${PORTS[$v]:-}" ] || { echo "unknown variant $v" >&2; exit 2; }
	capture "$v"
done
for v in "${VARIANTS[@]}"; do
	for s in "${SS_VARIANTS[@]}"; do
		[ "$v" = "$s" ] && ss_run "$v"
	done
done
echo "kernel $KERNEL; wrote $OUT/"

#!/usr/bin/env bash
# Records Linux TCP behaviours, each in a throw-away network namespace.
#
#   sudo bash scripts/capture/linux/run.sh [-o DIR] [-j N] NAME...   (N at once, default 8)
#   python3 scripts/capture/linux/scenarios.py --list          (the names)
#
# For each NAME: a namespace tt-NAME-PID with only `lo` (up); tcpdump on lo
# (the segments) and on nflog:7 (the segments the scenario's nftables rules
# dropped); the scenario (scenarios.py NAME) runs inside the namespace under
# `timeout`, sets its sysctls and drop rules there, and logs its events.
# Writes to DIR (default test/fixtures/captures/linux):
#   NAME.txt         tcpdump -n -S -tt text of everything on lo
#   NAME.pcap        the same capture;  NAME.dropped.txt  what nftables dropped
#   NAME.ss.txt      ss snapshots, when the scenario takes any
#   NAME.json        parse.mjs: connections, segments (conn, from, flags,
#                    relative seq/ack, len, t, dropped), events, sysctls, kernel
# The namespace and both tcpdumps are removed/stopped on every exit path.
set -euo pipefail
cd "$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
HERE=scripts/capture/linux
OUT=test/fixtures/captures/linux
JOBS=8 # with ~20 or more namespaces at once, some scenario processes did not start within their limit
while getopts o:j: opt; do
	case $opt in
	o) OUT=$OPTARG ;;
	j) JOBS=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "usage: $0 [-o DIR] NAME... (names: python3 $HERE/scenarios.py --list)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "needs root (namespaces, tcpdump, nft)" >&2; exit 1; }
for c in tcpdump nft ss ip node python3; do command -v $c >/dev/null || { echo "missing: $c (apt-get install -y tcpdump nftables)" >&2; exit 1; }; done
mkdir -p "$OUT"
# The interpreter itself, not a version-manager shim (a shim forks a few dozen
# processes per call: with many namespaces at once, runs then timed out).
PY=$(python3 -c 'import sys; print(sys.executable)')

wait_listening() { # FILE: until tcpdump says "listening on" (5 s at most)
	for _ in $(seq 50); do grep -q 'listening on' "$1" 2>/dev/null && return 0; sleep 0.1; done
	cat "$1" >&2; return 1
}

run_one() { # NAME, in a subshell (globals are its own) with its own cleanup
	name=$1 ns="tt-$1-$$"
	tmp=$(mktemp -d)
	lo_pid='' nf_pid=''
	cleanup() {
		for p in ${lo_pid:-} ${nf_pid:-}; do kill "$p" 2>/dev/null || true; done
		wait 2>/dev/null || true
		ip netns del "$ns" 2>/dev/null || true
		rm -rf "$tmp"
	}
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	limit=$("$PY" "$HERE/scenarios.py" --limit "$name")
	ip netns add "$ns"
	ip netns exec "$ns" ip link set lo up
	# -s 256: headers only. With the default snaplen (256 KiB) the capture ring
	# holds only a few packets, and a burst (a flood's SYNs) lost some.
	ip netns exec "$ns" tcpdump -i lo -n -S -tt -s 256 -B 16384 --immediate-mode -U -Z root -w "$tmp/lo.pcap" tcp 2>"$tmp/lo.err" &
	lo_pid=$!
	ip netns exec "$ns" tcpdump -i nflog:7 -n -s 256 --immediate-mode -U -Z root -w "$tmp/drop.pcap" 2>"$tmp/nf.err" &
	nf_pid=$!
	wait_listening "$tmp/lo.err"
	wait_listening "$tmp/nf.err"
	sleep 0.2
	rm -f "$OUT/$name.ss.txt"
	echo "[$name] running (at most ${limit}s)"
	rc=0
	ip netns exec "$ns" timeout "$limit" "$PY" "$HERE/scenarios.py" "$name" "$tmp/events.jsonl" "$OUT/$name.ss.txt" 2>"$tmp/py.err" || rc=$?
	[ "$rc" = 0 ] || { echo "[$name] scenario exit $rc:" >&2; cat "$tmp/py.err" >&2; }
	[ -s "$tmp/events.jsonl" ] || { echo "[$name] no events: giving up" >&2; exit 1; }
	sleep 1.5 # NFLOG flushes its batch within a second
	kill "$lo_pid" "$nf_pid"
	wait "$lo_pid" "$nf_pid" || true
	lo_pid='' nf_pid=''
	if grep -Eq '^[1-9][0-9]* packets dropped by kernel' "$tmp/lo.err" "$tmp/nf.err"; then
		echo "[$name] tcpdump lost packets:" >&2; cat "$tmp/lo.err" "$tmp/nf.err" >&2; exit 1
	fi
	tcpdump -r "$tmp/lo.pcap" -n -S -tt 2>/dev/null >"$OUT/$name.txt"
	cp "$tmp/lo.pcap" "$OUT/$name.pcap"
	tcpdump -r "$tmp/drop.pcap" -n -S -tt 2>/dev/null >"$tmp/drop.txt" || true
	rm -f "$OUT/$name.dropped.txt"
	[ -s "$tmp/drop.txt" ] && cp "$tmp/drop.txt" "$OUT/$name.dropped.txt"
	node "$HERE/parse.mjs" --name "$name" --pcap "$tmp/lo.pcap" --dropped "$tmp/drop.txt" \
		--events "$tmp/events.jsonl" --description "$("$PY" "$HERE/scenarios.py" --describe "$name")" >"$OUT/$name.json"
	echo "[$name] done (scenario exit $rc): $(grep -c . "$OUT/$name.txt") segments"
	[ "$rc" = 0 ]
}

fail=0
for name in "$@"; do
	while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || fail=1; done
	(run_one "$name") &
done
while [ "$(jobs -rp | wc -l)" -gt 0 ]; do wait -n || fail=1; done
exit $fail

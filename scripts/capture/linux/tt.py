"""Helpers for the capture scenarios (scenarios.py). Runs inside the network
namespace that run.sh created, as root; standard library only.

Every scenario logs what its applications did as JSON lines (one event a line,
epoch time `t`), which parse.mjs merges into the fixture next to the segments.
"""
import json
import os
import socket
import struct
import subprocess
import threading
import time

SERVER_PORT = 5000
HOST = "127.0.0.1"

# The sysctls every fixture records (plus any a scenario sets).
RECORDED = [
    "net.core.somaxconn",
    "net.ipv4.tcp_syn_retries",
    "net.ipv4.tcp_synack_retries",
    "net.ipv4.tcp_syn_linear_timeouts",
    "net.ipv4.tcp_max_syn_backlog",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.tcp_abort_on_overflow",
    "net.ipv4.tcp_retries1",
    "net.ipv4.tcp_retries2",
    "net.ipv4.tcp_orphan_retries",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
    "net.ipv4.tcp_tw_reuse",
    "net.ipv4.tcp_tw_reuse_delay",
    "net.ipv4.tcp_rfc1337",
    "net.ipv4.tcp_max_tw_buckets",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.tcp_timestamps",
    "net.ipv4.tcp_sack",
    "net.ipv4.tcp_window_scaling",
    "net.ipv4.tcp_ecn",
    "net.ipv4.tcp_early_retrans",
    "net.ipv4.tcp_recovery",
    "net.ipv4.tcp_frto",
    "net.ipv4.tcp_thin_linear_timeouts",
    "net.ipv4.tcp_rto_min_us",
    "net.ipv4.tcp_rto_max_ms",
    "net.ipv4.tcp_congestion_control",
    "net.ipv4.tcp_invalid_ratelimit",
    "net.ipv4.tcp_challenge_ack_limit",
]

# Congestion control: mainline's default is cubic, and most kernels run it.
# This machine's kernel was built with bbr as its default and only allows
# other algorithms (a global sysctl) to CAP_NET_ADMIN, so every socket here
# asks for cubic itself (TCP_CONGESTION); accepted sockets inherit it.
CONGESTION = b"cubic"
COMMON_SYSCTLS = {}


def sysctl_path(name):
    return "/proc/sys/" + name.replace(".", "/")


def sysctl_get(name):
    try:
        with open(sysctl_path(name)) as f:
            return " ".join(f.read().split())
    except FileNotFoundError:
        return None


def sysctl_set(name, value):
    with open(sysctl_path(name), "w") as f:
        f.write(str(value))


def nft(rules):
    """Load nftables rules (a string in `nft -f` syntax) into this namespace."""
    subprocess.run(["nft", "-f", "-"], input=rules, text=True, check=True)


def drop_rules(*rules):
    """An input-hook table that drops (and logs to NFLOG group 7, which run.sh
    captures) the segments each rule matches. Dropping at input, not output,
    keeps the lost segment in the lo capture: it was sent, then lost."""
    body = "\n".join(f"    {r} log group 7 drop" for r in rules)
    return f"table inet tt {{\n  chain lose {{\n    type filter hook input priority 0;\n{body}\n  }}\n}}\n"


def first(n=1):
    """nft expression that matches only the first n packets reaching it."""
    return f"numgen inc mod 1000000000 < {n}"


class Run:
    def __init__(self, events_path, ss_path):
        self.events = open(events_path, "a", buffering=1)
        self.ss_path = ss_path
        self.lock = threading.Lock()

    def log(self, who, what, **kw):
        e = {"t": time.time(), "who": who, "event": what, **kw}
        with self.lock:
            self.events.write(json.dumps(e) + "\n")
        return e

    def ss(self, label, args="-tan"):
        """Append an `ss` snapshot (this namespace only) to NAME.ss.txt."""
        t = time.time()
        out = subprocess.run(["ss", *args.split()], capture_output=True, text=True).stdout
        with self.lock:
            with open(self.ss_path, "a") as f:
                f.write(f"# {label} (ss {args})\n{out}\n")
        self.log("ss", "snapshot", label=label, args=args, ts=t, output=out.rstrip("\n").split("\n"))

    def sysctls(self, values):
        for k, v in {**COMMON_SYSCTLS, **values}.items():
            sysctl_set(k, v)

    def record_sysctls(self, extra=()):
        names = list(dict.fromkeys([*RECORDED, *extra]))
        vals = {n: sysctl_get(n) for n in names}
        vals = {k: v for k, v in vals.items() if v is not None}
        vals["socket TCP_CONGESTION"] = CONGESTION.decode()
        self.log("kernel", "sysctls", values=vals)

    def counters(self):
        """The namespace's non-zero TCP counters (what nstat shows): which
        kernel path ran (TCPLossProbes, TCPTimeouts, ListenOverflows ...)."""
        vals = {}
        for path in ("/proc/net/snmp", "/proc/net/netstat"):
            with open(path) as f:
                lines = f.read().split("\n")
            for head, body in zip(lines[0::2], lines[1::2]):
                names, nums = head.split(), body.split()
                if names and names[0] in ("Tcp:", "TcpExt:"):
                    for n, v in zip(names[1:], nums[1:]):
                        if v not in ("0", "-1") and n not in ("RtoAlgorithm", "RtoMin", "RtoMax", "MaxConn"):
                            vals[names[0][:-1] + n] = int(v)
        self.log("kernel", "counters", values=vals)

    def dmesg(self, pattern):
        out = subprocess.run(["dmesg"], capture_output=True, text=True).stdout
        lines = [l for l in out.split("\n") if pattern in l]
        self.log("kernel", "dmesg", lines=lines)


def listener(port=SERVER_PORT, backlog=128, reuse=True, host=HOST):
    s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, CONGESTION)
    if reuse:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(backlog)
    return s


def client(bind_port=None, reuse=False, host=HOST):
    s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, CONGESTION)
    if reuse:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if bind_port is not None:
        s.bind((host, bind_port))
    return s


def linger0(s):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def connect(run, s, who="client", port=SERVER_PORT, host=HOST, timeout=None):
    """Blocking connect(); logs the call and its result (errno name) with times."""
    s.settimeout(timeout)
    run.log(who, "connect", port=s.getsockname()[1] if s.getsockname()[1] else None)
    try:
        s.connect((host, port))
        return run.log(who, "connected", port=s.getsockname()[1])
    except OSError as e:
        name = "ETIMEDOUT" if isinstance(e, (socket.timeout, TimeoutError)) and e.errno is None else errname(e)
        return run.log(who, "connect-failed", error=name, port=s.getsockname()[1])


def errname(e):
    import errno
    return errno.errorcode.get(e.errno, str(e)) if e.errno else type(e).__name__


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def raw_syn(src, sport, dst=HOST, dport=SERVER_PORT, seq=1000):
    """Send one SYN (mss 65495, sackOK, TS, wscale 7) from any local address
    with a raw socket: no socket exists behind it, so no SYN is ever repeated."""
    opts = struct.pack("!BBH", 2, 4, 65495) + struct.pack("!BB", 4, 2) \
        + struct.pack("!BBII", 8, 10, int(time.time() * 1000) & 0xFFFFFFFF, 0) \
        + struct.pack("!BBBB", 1, 3, 3, 7)
    off = (20 + len(opts)) // 4
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq, 0, off << 4, 0x02, 65535, 0, 0)
    pseudo = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, 6, len(hdr) + len(opts))
    csum = checksum(pseudo + hdr + opts)
    hdr = hdr[:16] + struct.pack("!H", csum) + hdr[18:]
    r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP)
    r.bind((src, 0))
    r.sendto(hdr + opts, (dst, 0))
    r.close()


def raw_segment(src, sport, dst, dport, seq, ack, flags):
    """One bare TCP segment (no options, no data), e.g. an RST or a SYN."""
    bits = {"F": 1, "S": 2, "R": 4, "P": 8, "A": 16}
    fl = sum(bits[c] for c in flags)
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4, fl, 65535, 0, 0)
    pseudo = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, 6, len(hdr))
    hdr = hdr[:16] + struct.pack("!H", checksum(pseudo + hdr)) + hdr[18:]
    r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP)
    r.bind((src, 0))
    r.sendto(hdr, (dst, 0))
    r.close()


def tcp_info_state(s):
    """(state, retransmits, probes, backoff, rto_us) from TCP_INFO."""
    b = s.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)
    state, ca, retrans, probes, backoff = struct.unpack("BBBBB", b[:5])
    rto = struct.unpack("I", b[8:12])[0]
    return {"state": state, "retransmits": retrans, "probes": probes, "backoff": backoff, "rto_us": rto}


def thread(fn, *a):
    t = threading.Thread(target=fn, args=a, daemon=True)
    t.start()
    return t


class Sniffer:
    """Reads TCP segments on lo (AF_PACKET) in a thread, to learn sequence
    numbers a raw segment must carry (an in-window RST, a SYN on a live tuple)."""

    def __init__(self):
        self.segs = []
        self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0800))
        self.sock.bind(("lo", 0))
        self.sock.settimeout(0.2)
        self.stop = False
        self.t = thread(self._loop)

    def _loop(self):
        while not self.stop:
            try:
                data, addr = self.sock.recvfrom(65535)
            except socket.timeout:
                continue
            if addr[2] == socket.PACKET_OUTGOING:  # each loopback packet shows twice
                continue
            ip = data[14:]
            if ip[9] != 6:
                continue
            t = ip[(ip[0] & 15) * 4:]
            sport, dport, seq, ack = struct.unpack("!HHII", t[:12])
            self.segs.append({"sport": sport, "dport": dport, "seq": seq, "ack": ack, "flags": t[13],
                              "len": struct.unpack("!H", ip[2:4])[0] - (ip[0] & 15) * 4 - (t[12] >> 4) * 4})

    def last(self, sport, dport):
        for s in reversed(self.segs):
            if s["sport"] == sport and s["dport"] == dport:
                return s
        return None

    def close(self):
        self.stop = True
        self.t.join()
        self.sock.close()


def recv_log(run, s, who, n=65536):
    try:
        data = s.recv(n)
        return run.log(who, "recv", bytes=len(data), port=_port(s, who))
    except OSError as e:
        return run.log(who, "recv-failed", error=errname(e), port=_port(s, who))


def send_log(run, s, who, n):
    try:
        s.sendall(b"x" * n)
        return run.log(who, "send", bytes=n, port=_port(s, who))
    except OSError as e:
        return run.log(who, "send-failed", error=errname(e), port=_port(s, who))


def _port(s, who):
    try:
        return s.getpeername()[1] if who == "server" else s.getsockname()[1]
    except OSError:
        return None
